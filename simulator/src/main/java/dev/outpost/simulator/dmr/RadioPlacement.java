package dev.outpost.simulator.dmr;

import dev.outpost.config.registry.Unit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each unit with a DMR id behind one base station and slot. A station that lists streets takes the units
 * of those streets; the others are spread over the stations that list none (all stations if every one lists
 * some): by street ({@link DmrSimOptions.Placement#STREET}, streets dealt round in order of first appearance)
 * or one by one. Within a station slots 1 and 2 alternate, in registry order. Deterministic for a registry.
 */
final class RadioPlacement {
    private RadioPlacement() {
    }

    /** Places keyed by DMR id, in registry order. */
    static Map<Integer, RadioPlace> place(List<Unit> units, List<BaseStationSpec> stations,
            DmrSimOptions.Placement mode) {
        Map<Integer, RadioPlace> out = new LinkedHashMap<>();
        if (stations.isEmpty()) {
            return out;
        }
        Map<String, BaseStationSpec> listed = new HashMap<>();
        for (BaseStationSpec s : stations) {
            s.streets().forEach(street -> listed.putIfAbsent(street, s));
        }
        List<BaseStationSpec> open = stations.stream().filter(s -> s.streets().isEmpty()).toList();
        List<BaseStationSpec> pool = open.isEmpty() ? stations : open;
        Map<String, Integer> streetOrder = new HashMap<>();
        Map<Long, Integer> perStation = new HashMap<>();
        int dealt = 0;
        for (Unit unit : units) {
            if (unit.dmrId() == null) {
                continue;
            }
            BaseStationSpec station = listed.get(unit.street());
            if (station == null) {
                int index = mode == DmrSimOptions.Placement.STREET
                        ? streetOrder.computeIfAbsent(unit.street(), s -> streetOrder.size()) : dealt++;
                station = pool.get(index % pool.size());
            }
            int n = perStation.merge(station.peerId(), 1, Integer::sum);
            out.put(unit.dmrId(), new RadioPlace(station.peerId(), n % 2 == 1 ? 1 : 2));
        }
        return out;
    }

    /** Every unit with a DMR id behind one repeater, slots alternating (the simulated master's radios). */
    static Map<Integer, RadioPlace> alternate(List<Unit> units, long peerId) {
        Map<Integer, RadioPlace> out = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit.dmrId() != null) {
                out.put(unit.dmrId(), new RadioPlace(peerId, out.size() % 2 == 0 ? 1 : 2));
            }
        }
        return out;
    }
}
