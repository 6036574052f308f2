package dev.outpost.simulator.dmr;

import dev.outpost.simulator.behaviour.BehaviourOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the DMR simulator needs besides the units and the ground truth.
 *
 * @param master          where the base stations log in (Outpost's {@code hbp-master}); null = no base stations
 * @param stations        the simulated repeaters
 * @param simulatedMaster a master for Outpost's {@code hbp-peer} role, or null
 * @param placement       how units without a station listing their street are spread over the stations
 * @param talkgroups      group calls the radios answer by voice; empty = any group call on their slot
 * @param pingInterval    the stations' RPTPING period (their handshake steps are resent as often)
 * @param radios          air behaviour of the radios
 * @param seed            seed of the unit traits and every sampled delay
 * @param behaviour       unit traits (online, never, late) and the call-alert confirmation delay
 */
public record DmrSimOptions(InetSocketAddress master, List<BaseStationSpec> stations, SimMasterSpec simulatedMaster,
        Placement placement, Set<Integer> talkgroups, Duration pingInterval, DmrRadioBehaviour radios, long seed,
        BehaviourOptions behaviour) {

    /** How units are put behind base stations; within a station, slots 1 and 2 alternate. */
    public enum Placement {
        /** Units of one street share a station (streets dealt round the stations in order of appearance). */
        STREET,
        /** Units dealt round the stations one by one, in registry order. */
        ROUND_ROBIN
    }

    public DmrSimOptions {
        stations = List.copyOf(stations);
        talkgroups = Set.copyOf(talkgroups);
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(radios, "radios");
        Objects.requireNonNull(behaviour, "behaviour");
        if (master == null && !stations.isEmpty()) {
            throw new IllegalArgumentException("base stations need a master address");
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("ping interval must be positive");
        }
        if (stations.stream().map(BaseStationSpec::peerId).distinct().count() != stations.size()) {
            throw new IllegalArgumentException("base station peer ids must be unique");
        }
    }

    /** No stations, no master: add them with {@link #withStations} and {@link #withSimulatedMaster}. */
    public static DmrSimOptions defaults() {
        return new DmrSimOptions(null, List.of(), null, Placement.STREET, Set.of(), Duration.ofSeconds(10),
                DmrRadioBehaviour.defaults(), 1L, BehaviourOptions.defaults());
    }

    public DmrSimOptions withStations(InetSocketAddress newMaster, List<BaseStationSpec> newStations) {
        return new DmrSimOptions(newMaster, newStations, simulatedMaster, placement, talkgroups, pingInterval,
                radios, seed, behaviour);
    }

    public DmrSimOptions withSimulatedMaster(SimMasterSpec spec) {
        return new DmrSimOptions(master, stations, spec, placement, talkgroups, pingInterval, radios, seed,
                behaviour);
    }

    public DmrSimOptions withPlacement(Placement newPlacement, Set<Integer> newTalkgroups) {
        return new DmrSimOptions(master, stations, simulatedMaster, newPlacement, newTalkgroups, pingInterval,
                radios, seed, behaviour);
    }

    public DmrSimOptions withPingInterval(Duration interval) {
        return new DmrSimOptions(master, stations, simulatedMaster, placement, talkgroups, interval, radios, seed,
                behaviour);
    }

    public DmrSimOptions withRadios(DmrRadioBehaviour newRadios) {
        return new DmrSimOptions(master, stations, simulatedMaster, placement, talkgroups, pingInterval, newRadios,
                seed, behaviour);
    }

    public DmrSimOptions withBehaviour(long newSeed, BehaviourOptions newBehaviour) {
        return new DmrSimOptions(master, stations, simulatedMaster, placement, talkgroups, pingInterval, radios,
                newSeed, newBehaviour);
    }

    /** Never prints passphrases. */
    @Override
    public String toString() {
        return "DmrSimOptions[master=" + master + ", stations=" + stations.size() + ", simulatedMaster="
                + (simulatedMaster == null ? "none" : simulatedMaster.host() + ":" + simulatedMaster.port())
                + ", placement=" + placement + ", talkgroups=" + talkgroups + ", pingInterval=" + pingInterval
                + ", radios=" + radios + ", seed=" + seed + "]";
    }
}
