package dev.outpost.simulator.config;

import dev.outpost.simulator.dmr.BaseStationSpec;
import dev.outpost.simulator.dmr.DmrRadioBehaviour;
import dev.outpost.simulator.dmr.DmrSimOptions;
import dev.outpost.simulator.dmr.SimMasterSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns the {@code dmr} section into {@link DmrSimOptions}: defaults, the passphrase file, the stations. */
final class DmrConfigResolver {
    private DmrConfigResolver() {
    }

    static DmrSimOptions resolve(Path file, Path base, SimDmrSection in) throws SimConfigException {
        DmrSimOptions d = DmrSimOptions.defaults();
        String passphrase = passphrase(file, base, in);
        List<BaseStationSpec> stations = new ArrayList<>();
        if (in.baseStations() != null) {
            SimDmrSection.Generated g = in.baseStations();
            stations.addAll(BaseStationSpec.generate(g.count(), or(g.firstPeerId(), 311_000_101L),
                    or(g.callsignPrefix(), "BS"), or(g.colourCode(), 1), need(file, passphrase),
                    or(g.wrongPassphrase(), 0)));
        } else if (in.stations() != null) {
            for (SimDmrSection.Station s : in.stations()) {
                stations.add(new BaseStationSpec(s.peerId(), s.callsign(), or(s.colourCode(), 1),
                        s.passphrase() != null ? s.passphrase() : need(file, passphrase), or(s.streets(), List.of())));
            }
        }
        InetSocketAddress master = null;
        if (in.master() != null) {
            int colon = in.master().lastIndexOf(':');
            master = new InetSocketAddress(in.master().substring(0, colon),
                    Integer.parseInt(in.master().substring(colon + 1)));
        }
        try {
            return new DmrSimOptions(master, stations, simulatedMaster(in.simulatedMaster()),
                    "round_robin".equals(in.placement()) ? DmrSimOptions.Placement.ROUND_ROBIN : d.placement(),
                    Set.copyOf(or(in.talkgroups(), List.of())), or(in.pingInterval(), d.pingInterval()),
                    radios(in, d.radios()), d.seed(), d.behaviour());
        } catch (IllegalArgumentException e) {
            throw SimConfigLoader.problem(file, "dmr: " + e.getMessage(), null);
        }
    }

    private static DmrRadioBehaviour radios(SimDmrSection in, DmrRadioBehaviour d) {
        SimDmrSection.Voice v = in.voice();
        double twoBurst = in.radioCheck() == null ? d.twoBurstAckFraction()
                : or(in.radioCheck().twoBurstFraction(), d.twoBurstAckFraction());
        if (v == null) {
            return d.withTwoBurstAckFraction(twoBurst);
        }
        return new DmrRadioBehaviour(twoBurst, or(v.neverAnswerFraction(), d.voiceNeverAnswerFraction()),
                v.keyUp() != null ? v.keyUp().toDistribution() : d.keyUpDelay(),
                v.duration() != null ? v.duration().toDistribution() : d.voiceDuration(),
                v.busyRetry() != null ? v.busyRetry().toDistribution() : d.busyRetry(),
                or(v.maxBusyRetries(), d.maxBusyRetries()));
    }

    private static SimMasterSpec simulatedMaster(SimDmrSection.SimulatedMaster m) {
        if (m == null) {
            return null;
        }
        SimMasterSpec d = SimMasterSpec.onLoopback(62_032, m.passphrase());
        return new SimMasterSpec(or(m.host(), d.host()), or(m.port(), d.port()), m.passphrase(),
                or(m.masterId(), d.masterId()), or(m.colourCode(), d.colourCode()),
                or(m.trafficInterval(), Duration.ZERO), or(m.trafficTalkgroup(), d.trafficTalkgroup()));
    }

    private static String passphrase(Path file, Path base, SimDmrSection in) throws SimConfigException {
        if (in.passphraseFile() == null) {
            return in.passphrase();
        }
        Path secret = base.resolve(in.passphraseFile());
        try {
            return SimConfigLoader.readTokenFile(secret);
        } catch (IOException e) {
            throw SimConfigLoader.problem(file, "dmr.passphrase_file: cannot read " + secret, null);
        }
    }

    private static String need(Path file, String passphrase) throws SimConfigException {
        if (passphrase == null || passphrase.isBlank()) {
            throw SimConfigLoader.problem(file, "dmr: base stations need passphrase or passphrase_file", null);
        }
        return passphrase;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
