package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.StationStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outpost.gateway.mqtt.MqttJson;

/** The MQTT payloads of unit events and link states (docs/mqtt-api.md). */
final class EventJson {
    private EventJson() {
    }

    static ObjectNode unitEvent(UnitEvent e) {
        ObjectNode o = MqttJson.object();
        o.put("event_id", e.eventId());
        o.put("type", e.type());
        e.unitId().ifPresentOrElse(id -> o.put("unit_id", id), () -> o.putNull("unit_id"));
        o.put("bearer", e.bearer().wireName());
        o.put("address", e.address());
        o.put("link", e.linkId());
        o.put("ts", MqttJson.timestamp(e.receivedAt()));
        e.via().ifPresent(v -> {
            ObjectNode via = o.putObject("via");
            via.put("station", v.station());
            if (v.slot() != null) {
                via.put("slot", v.slot());
            }
            if (v.rssiDbm() != null) {
                via.put("rssi_dbm", v.rssiDbm());
            }
        });
        putPayload(o, e.payload());
        return o;
    }

    private static void putPayload(ObjectNode o, EventPayload payload) {
        if (payload instanceof EventPayload.Ack a) {
            putIfPresent(o, "call_ref", a.callRef());
            putIfPresent(o, "status", a.status());
            if (a.staff() != null) {
                o.put("staff", a.staff());
            }
        } else if (payload instanceof EventPayload.PttStart p) {
            putIfPresent(o, "stream_id", p.streamId());
            putIfPresent(o, "channel", p.channel());
        } else if (payload instanceof EventPayload.PttEnd p) {
            putIfPresent(o, "stream_id", p.streamId());
            putIfPresent(o, "channel", p.channel());
        } else if (payload instanceof EventPayload.Status s) {
            putIfPresent(o, "status", s.status());
        } else if (payload instanceof EventPayload.Location l) {
            o.put("lat", l.lat());
            o.put("lon", l.lon());
            if (l.accuracyM() != null) {
                o.put("accuracy_m", l.accuracyM());
            }
        } else if (payload instanceof EventPayload.Sos s && s.lat() != null && s.lon() != null) {
            o.put("lat", s.lat());
            o.put("lon", s.lon());
        } else if (payload instanceof EventPayload.Presence p) {
            o.put("presence", p.online() ? "online" : "offline");
        } else if (payload instanceof EventPayload.Text t) {
            putIfPresent(o, "text", t.text());
            putIfPresent(o, "channel", t.channel());
        }
    }

    static ObjectNode linkStatus(LinkStatus s) {
        ObjectNode o = MqttJson.object();
        o.put("link", s.linkId());
        o.put("type", s.type());
        o.put("state", s.state().wireName());
        o.put("since", MqttJson.timestamp(s.since()));
        putIfPresent(o, "peer", s.peer());
        putIfPresent(o, "detail", s.detail());
        o.put("reconnects", s.reconnects());
        o.put("frames_in", s.framesIn());
        o.put("frames_out", s.framesOut());
        o.put("frames_invalid", s.framesInvalid());
        if (!s.stations().isEmpty()) {
            ArrayNode stations = o.putArray("stations");
            for (StationStatus station : s.stations()) {
                ObjectNode n = stations.addObject();
                n.put("id", station.stationId());
                n.put("state", station.state().wireName());
                n.put("since", MqttJson.timestamp(station.since()));
                putIfPresent(n, "address", station.address());
                putIfPresent(n, "detail", station.detail());
                station.info().forEach(n::put);
            }
        }
        return o;
    }

    private static void putIfPresent(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
