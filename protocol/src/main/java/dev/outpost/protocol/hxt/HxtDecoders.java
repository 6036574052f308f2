package dev.outpost.protocol.hxt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One small decoder per message type, behind lookup tables keyed by the wire name. Decoders check
 * presence and JSON types; ranges and cross-field rules are checked by the records themselves.
 */
final class HxtDecoders {

    @FunctionalInterface
    interface Decoder<T extends HxtMessage> {
        T decode(HxtFields fields);
    }

    static final Map<String, Decoder<HxtCommand>> COMMANDS = Map.of(
            "logon", f -> new HxtCommand.Logon(f.integer("seq"), f.string("auth_token"), f.string("client")),
            "ping", f -> new HxtCommand.Ping(f.integer("seq")),
            "roll_call", HxtDecoders::rollCall,
            "pong", f -> new HxtCommand.Pong(f.integer("nonce")));

    static final Map<String, Decoder<HxtEvent>> EVENTS = Map.of(
            "ping", f -> new HxtEvent.ServerPing(f.integer("nonce")),
            "user_online", f -> new HxtEvent.UserOnline(f.string("user")),
            "user_offline", f -> new HxtEvent.UserOffline(f.string("user")),
            "stream_start", f -> new HxtEvent.StreamStart(f.string("channel"), f.string("from"), f.integer("stream_id")),
            "stream_stop", f -> new HxtEvent.StreamStop(f.integer("stream_id")),
            "roll_call_ack", HxtDecoders::rollCallAck,
            "location", f -> new HxtEvent.Location(f.string("user"), f.number("lat"), f.number("lon"),
                    f.optionalNumber("accuracy_m")),
            "sos", f -> new HxtEvent.Sos(f.string("user"), f.optionalNumber("lat"), f.optionalNumber("lon")),
            "text", f -> new HxtEvent.Text(f.string("user"), f.optionalString("channel").orElse(null),
                    f.string("text")));

    private HxtDecoders() {
    }

    private static HxtCommand rollCall(HxtFields f) {
        return new HxtCommand.RollCall(f.integer("seq"), f.string("call_id"), f.optionalStrings("users"),
                f.optionalString("group").orElse(null), f.enumValue("expect", HxtExpect::fromWire),
                f.integer("timeout_ms"));
    }

    private static HxtEvent rollCallAck(HxtFields f) {
        return new HxtEvent.RollCallAck(f.string("call_id"), f.string("user"), f.string("status"),
                f.optionalSmallInteger("staff"), f.enumValue("mode", HxtExpect::fromWire));
    }

    /** Replies have no name; a success is classified by shape (docs/protocols/hxt.md section 5). */
    static HxtReply reply(HxtFields f) {
        long seq = f.integer("seq");
        if (!f.bool("success")) {
            return new HxtReply.Failure(seq, f.string("error"));
        }
        boolean hasSession = f.has("session");
        boolean hasRefused = f.has("refused");
        if (hasSession && hasRefused) {
            throw new HxtDecodeException("a success reply cannot carry both session and refused");
        }
        if (hasSession) {
            return new HxtReply.LogonOk(seq, f.string("session"));
        }
        if (hasRefused) {
            List<HxtReply.Refusal> refused = new ArrayList<>();
            for (HxtFields entry : f.objects("refused")) {
                refused.add(new HxtReply.Refusal(entry.string("user"),
                        entry.enumValue("reason", HxtReply.RefusalReason::fromWire)));
            }
            return new HxtReply.RollCallOk(seq, refused);
        }
        return new HxtReply.Ok(seq);
    }
}
