package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.StationStatus;
import dev.outpost.protocol.hbp.HbpMasterState;
import dev.outpost.protocol.hbp.PeerConfig;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of every base station that has tried to log in, by peer id, as published in the link's status.
 * Stations that left stay listed as down. Changed on the link's event loop; {@link #snapshot()} is safe anywhere.
 */
final class StationBoard {
    private final Map<Long, StationStatus> stations = new TreeMap<>();
    private volatile List<StationStatus> snapshot = List.of();

    /** Records a session state change. */
    void stateChanged(long peerId, HbpMasterState to, String reason, InetSocketAddress address, Stamp at) {
        StationStatus old = stations.get(peerId);
        LinkState state = switch (to) {
            case CONNECTED -> LinkState.UP;
            case NEW, CHALLENGED, AUTHENTICATED -> LinkState.CONNECTING;
            case REFUSED, DROPPED, CLOSED -> LinkState.DOWN;
        };
        String detail = to == HbpMasterState.REFUSED ? reason + " (MSTNAK sent)" : reason;
        boolean sameState = old != null && old.state() == state;
        Map<String, String> info = old == null || to == HbpMasterState.CHALLENGED ? Map.of() : old.info();
        put(new StationStatus(Long.toString(peerId), state, sameState ? old.since() : at.wall(),
                address == null ? null : address.getAddress().getHostAddress() + ":" + address.getPort(), detail,
                info));
    }

    /** Records the station's RPTC; returns true when it differs from the last one. */
    boolean configured(long peerId, PeerConfig config) {
        StationStatus old = stations.get(peerId);
        Map<String, String> info = info(config);
        if (old == null || old.info().equals(info)) {
            return false;
        }
        put(new StationStatus(old.stationId(), old.state(), old.since(), old.address(), old.detail(), info));
        return true;
    }

    List<StationStatus> snapshot() {
        return snapshot;
    }

    private void put(StationStatus status) {
        stations.put(Long.parseLong(status.stationId()), status);
        snapshot = List.copyOf(stations.values());
    }

    /** The RPTC fields, snake_case, empty text left out. */
    static Map<String, String> info(PeerConfig c) {
        Map<String, String> out = new LinkedHashMap<>();
        putText(out, "callsign", c.callsign());
        out.put("rx_hz", Long.toString(c.rxFrequencyHz()));
        out.put("tx_hz", Long.toString(c.txFrequencyHz()));
        out.put("tx_power", Integer.toString(c.txPower()));
        out.put("colour_code", Integer.toString(c.colourCode()));
        putText(out, "latitude", c.latitude());
        putText(out, "longitude", c.longitude());
        out.put("height_m", Integer.toString(c.heightMetres()));
        putText(out, "location", c.location());
        putText(out, "description", c.description());
        out.put("slots", String.valueOf(c.slots()));
        putText(out, "url", c.url());
        putText(out, "software_id", c.softwareId());
        putText(out, "package_id", c.packageId());
        return out;
    }

    private static void putText(Map<String, String> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
