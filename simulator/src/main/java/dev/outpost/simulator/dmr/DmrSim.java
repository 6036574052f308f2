package dev.outpost.simulator.dmr;

import dev.outpost.config.registry.Unit;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import dev.outpost.simulator.StampingThreads;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.truth.GroundTruth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the simulated DMR world: base stations that log in to a master (Outpost's {@code hbp-master}) and/or a
 * simulated master (for Outpost's {@code hbp-peer}), with the registry's units that have a DMR id as radios
 * behind them. Everything runs on one thread; close the result to stop it (stations send RPTCL first).
 */
public final class DmrSim {
    private DmrSim() {
    }

    /**
     * @param truth where DMR deliveries, replies, key-ups and collisions are recorded (not closed by the result)
     * @throws java.io.UncheckedIOException if a socket cannot be bound
     */
    public static RunningDmrSim start(DmrSimOptions options, List<Unit> units, GroundTruth truth) {
        return start(options, units, truth, StampingThreads.plain());
    }

    /** As {@link #start(DmrSimOptions, List, GroundTruth)}, its one loop thread made by {@code stamping}. */
    public static RunningDmrSim start(DmrSimOptions options, List<Unit> units, GroundTruth truth,
                                      StampingThreads stamping) {
        Map<String, UnitBehaviour> traits = new HashMap<>();
        BehaviourModel.roll(units, options.behaviour(), options.seed(), u -> u.dmrId() != null)
                .forEach(b -> traits.put(b.unitId(), b));
        DmrCounters counters = new DmrCounters();
        DmrUdpLoop loop = new DmrUdpLoop(stamping.named("outpost-sim-dmr"));
        try {
            List<SimBaseStation> stations = openStations(options, units, traits, truth, counters, loop);
            SimMaster master = null;
            InetSocketAddress masterAddress = null;
            if (options.simulatedMaster() != null) {
                SimMasterSpec spec = options.simulatedMaster();
                Map<Integer, RadioPlace> places = RadioPlacement.alternate(units, spec.masterId());
                List<SimRadio> radios = radiosAt(spec.masterId(), places, units, traits, options);
                SimMaster[] holder = new SimMaster[1];
                DatagramChannel channel = loop.open(new InetSocketAddress(spec.host(), spec.port()),
                        (data, from, at) -> holder[0].onDatagram(data, from, at));
                HbpMasterSessionConfig sessions = new HbpMasterSessionConfig(options.pingInterval(), 3,
                        options.pingInterval().multipliedBy(3).plus(Duration.ofSeconds(5)));
                master = new SimMaster(spec, sessions, radios, options.talkgroups(), options.seed(), loop, truth,
                        counters, (bytes, to) -> loop.send(channel, bytes, to));
                holder[0] = master;
                masterAddress = (InetSocketAddress) channel.getLocalAddress();
            }
            loop.start();
            SimMaster started = master;
            loop.execute(() -> {
                stations.forEach(SimBaseStation::start);
                if (started != null) {
                    started.start();
                }
            });
            return new RunningDmrSim(loop, stations, master, masterAddress, counters);
        } catch (java.io.IOException e) {
            loop.close();
            throw new java.io.UncheckedIOException("cannot read the simulated master's address", e);
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    private static List<SimBaseStation> openStations(DmrSimOptions options, List<Unit> units,
            Map<String, UnitBehaviour> traits, GroundTruth truth, DmrCounters counters, DmrUdpLoop loop) {
        List<SimBaseStation> stations = new ArrayList<>();
        if (options.stations().isEmpty()) {
            return stations;
        }
        InetSocketAddress master = options.master();
        InetAddress local = master.getAddress() != null && master.getAddress().isLoopbackAddress()
                ? master.getAddress() : null;
        Map<Integer, RadioPlace> places = RadioPlacement.place(units, options.stations(), options.placement());
        for (BaseStationSpec spec : options.stations()) {
            List<SimRadio> radios = radiosAt(spec.peerId(), places, units, traits, options);
            SimBaseStation[] holder = new SimBaseStation[1];
            DatagramChannel channel = loop.open(new InetSocketAddress(local, 0), (data, from, at) -> {
                if (from.equals(master)) {
                    holder[0].onDatagram(data, at);
                }
            });
            holder[0] = new SimBaseStation(spec, options.pingInterval(), radios, options.talkgroups(), loop, truth,
                    counters, bytes -> loop.send(channel, bytes, master));
            stations.add(holder[0]);
        }
        return stations;
    }

    private static List<SimRadio> radiosAt(long peerId, Map<Integer, RadioPlace> places, List<Unit> units,
            Map<String, UnitBehaviour> traits, DmrSimOptions options) {
        List<SimRadio> out = new ArrayList<>();
        for (Unit unit : units) {
            RadioPlace place = unit.dmrId() == null ? null : places.get(unit.dmrId());
            if (place != null && place.peerId() == peerId) {
                out.add(new SimRadio(traits.get(unit.unitId()), place.slot(), options.radios(), options.seed()));
            }
        }
        return out;
    }
}
