package dev.outpost.simulator.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code dmr} section of a simulator config (docs/simulator.md, "DMR"). Absent keys are null and take the
 * defaults of {@code DmrSimOptions.defaults()}. Single-section rules are checked here, with the section's position.
 */
record SimDmrSection(String master, String passphrase, String passphraseFile, Generated baseStations,
        List<Station> stations, String placement, List<Integer> talkgroups, Duration pingInterval,
        RadioCheck radioCheck, Voice voice, SimulatedMaster simulatedMaster) {

    SimDmrSection {
        if (passphrase != null && passphraseFile != null) {
            throw new IllegalArgumentException("dmr takes at most one of passphrase, passphrase_file");
        }
        if (baseStations != null && stations != null) {
            throw new IllegalArgumentException("dmr takes base_stations (generated) or stations (listed), not both");
        }
        if ((baseStations != null || stations != null) && master == null) {
            throw new IllegalArgumentException("dmr base stations need 'master' (host:port of Outpost's hbp-master)");
        }
        if (master != null && !master.matches(".+:\\d{1,5}")) {
            throw new IllegalArgumentException("dmr.master must be host:port, e.g. 127.0.0.1:62031");
        }
        if (placement != null && !placement.equals("street") && !placement.equals("round_robin")) {
            throw new IllegalArgumentException("dmr.placement must be street or round_robin");
        }
        if (pingInterval != null && pingInterval.isZero()) {
            throw new IllegalArgumentException("dmr.ping_interval must be positive");
        }
    }

    /** N generated stations: peer ids from {@code first_peer_id}, callsigns prefix + n; the last few mis-keyed. */
    record Generated(Integer count, Long firstPeerId, String callsignPrefix, Integer colourCode,
            Integer wrongPassphrase) {
        Generated {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("dmr.base_stations.count must be at least 1");
            }
            if (wrongPassphrase != null && (wrongPassphrase < 0 || wrongPassphrase > count)) {
                throw new IllegalArgumentException("dmr.base_stations.wrong_passphrase must be 0..count");
            }
        }
    }

    /** One listed station; {@code passphrase} overrides the shared one (e.g. a wrong one on purpose). */
    record Station(Long peerId, String callsign, Integer colourCode, String passphrase, List<String> streets) {
        Station {
            if (peerId == null || callsign == null) {
                throw new IllegalArgumentException("a dmr station needs peer_id and callsign");
            }
        }
    }

    record RadioCheck(Double twoBurstFraction) {
    }

    record Voice(Double neverAnswerFraction, SimConfigFile.Delay keyUp, SimConfigFile.Delay duration,
            SimConfigFile.Delay busyRetry, Integer maxBusyRetries) {
    }

    record SimulatedMaster(String host, Integer port, String passphrase, Long masterId, Integer colourCode,
            Duration trafficInterval, Integer trafficTalkgroup) {
        SimulatedMaster {
            if (passphrase == null) {
                throw new IllegalArgumentException("dmr.simulated_master needs a passphrase");
            }
            if (port != null && (port < 0 || port > 65_535)) {
                throw new IllegalArgumentException("dmr.simulated_master.port must be 0..65535");
            }
        }
    }
}
