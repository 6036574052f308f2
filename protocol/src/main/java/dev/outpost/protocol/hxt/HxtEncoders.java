package dev.outpost.protocol.hxt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One small encoder per message type, keyed by record class. Fields are written in the order of the
 * examples in docs/protocols/hxt.md; absent optional fields are omitted.
 */
final class HxtEncoders {
    private static final Map<Class<?>, BiConsumer<HxtMessage, ObjectNode>> BY_TYPE = new HashMap<>();

    static {
        register(HxtCommand.Logon.class, (m, o) -> command(o, m).put("seq", m.seq())
                .put("auth_token", m.authToken()).put("client", m.client()));
        register(HxtCommand.Ping.class, (m, o) -> command(o, m).put("seq", m.seq()));
        register(HxtCommand.RollCall.class, HxtEncoders::rollCall);
        register(HxtCommand.Pong.class, (m, o) -> command(o, m).put("nonce", m.nonce()));

        register(HxtReply.LogonOk.class, (m, o) -> success(o, m.seq(), true).put("session", m.session()));
        register(HxtReply.RollCallOk.class, HxtEncoders::rollCallOk);
        register(HxtReply.Ok.class, (m, o) -> success(o, m.seq(), true));
        register(HxtReply.Failure.class, (m, o) -> success(o, m.seq(), false).put("error", m.error()));

        register(HxtEvent.ServerPing.class, (m, o) -> event(o, m).put("nonce", m.nonce()));
        register(HxtEvent.UserOnline.class, (m, o) -> event(o, m).put("user", m.user()));
        register(HxtEvent.UserOffline.class, (m, o) -> event(o, m).put("user", m.user()));
        register(HxtEvent.StreamStart.class, (m, o) -> event(o, m).put("channel", m.channel())
                .put("from", m.from()).put("stream_id", m.streamId()));
        register(HxtEvent.StreamStop.class, (m, o) -> event(o, m).put("stream_id", m.streamId()));
        register(HxtEvent.RollCallAck.class, HxtEncoders::rollCallAck);
        register(HxtEvent.Location.class, HxtEncoders::location);
        register(HxtEvent.Sos.class, HxtEncoders::sos);
        register(HxtEvent.Text.class, HxtEncoders::text);
    }

    private HxtEncoders() {
    }

    static ObjectNode encode(HxtMessage message) {
        BiConsumer<HxtMessage, ObjectNode> encoder = BY_TYPE.get(message.getClass());
        if (encoder == null) {
            throw new IllegalStateException("no encoder for " + message.getClass().getName());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        encoder.accept(message, out);
        return out;
    }

    private static <T extends HxtMessage> void register(Class<T> type, BiConsumer<T, ObjectNode> encoder) {
        BY_TYPE.put(type, (m, o) -> encoder.accept(type.cast(m), o));
    }

    private static ObjectNode command(ObjectNode o, HxtCommand m) {
        return o.put("command", m.command());
    }

    private static ObjectNode event(ObjectNode o, HxtEvent m) {
        return o.put("event", m.event());
    }

    private static ObjectNode success(ObjectNode o, long seq, boolean success) {
        return o.put("seq", seq).put("success", success);
    }

    private static void rollCall(HxtCommand.RollCall m, ObjectNode o) {
        command(o, m).put("seq", m.seq()).put("call_id", m.callId());
        if (!m.users().isEmpty()) {
            ArrayNode users = o.putArray("users");
            m.users().forEach(users::add);
        }
        putIfPresent(o, "group", m.group());
        o.put("expect", m.expect().wireName()).put("timeout_ms", m.timeoutMs());
    }

    private static void rollCallOk(HxtReply.RollCallOk m, ObjectNode o) {
        ArrayNode refused = success(o, m.seq(), true).putArray("refused");
        for (HxtReply.Refusal r : m.refused()) {
            refused.addObject().put("user", r.user()).put("reason", r.reason().wireName());
        }
    }

    private static void rollCallAck(HxtEvent.RollCallAck m, ObjectNode o) {
        event(o, m).put("call_id", m.callId()).put("user", m.user()).put("status", m.status());
        if (m.staff() != null) {
            o.put("staff", m.staff());
        }
        o.put("mode", m.mode().wireName());
    }

    private static void location(HxtEvent.Location m, ObjectNode o) {
        event(o, m).put("user", m.user()).put("lat", m.lat()).put("lon", m.lon());
        if (m.accuracyM() != null) {
            o.put("accuracy_m", m.accuracyM());
        }
    }

    private static void sos(HxtEvent.Sos m, ObjectNode o) {
        event(o, m).put("user", m.user());
        if (m.lat() != null) {
            o.put("lat", m.lat()).put("lon", m.lon());
        }
    }

    private static void text(HxtEvent.Text m, ObjectNode o) {
        event(o, m).put("user", m.user());
        putIfPresent(o, "channel", m.channel());
        o.put("text", m.text());
    }

    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
