package dev.outpost.protocol.hxt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Text-frame codec for the hxt dialect (docs/protocols/hxt.md). Stateless and thread-safe.
 *
 * <p>{@link #decode(String)} never throws: every kind of bad input comes back as an
 * {@link HxtFrame.Invalid} whose reason names the rule broken but never echoes field values, which
 * could be secrets.
 */
public final class HxtCodec {
    private final ObjectMapper mapper;

    public HxtCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public HxtFrame decode(String text) {
        if (text == null) {
            return new HxtFrame.Invalid("no frame text");
        }
        if (exceedsFrameLimit(text)) {
            return new HxtFrame.Invalid("frame exceeds " + HxtLimits.MAX_FRAME_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new HxtFrame.Invalid("malformed JSON" + where(e.getLocation()));
        }
        if (root == null || !root.isObject()) {
            return new HxtFrame.Invalid("frame is not a JSON object");
        }
        try {
            return decodeObject(new HxtFields((ObjectNode) root));
        } catch (HxtDecodeException | IllegalArgumentException e) {
            return new HxtFrame.Invalid(e.getMessage());
        } catch (RuntimeException e) {
            // A decoder bug must not escape into a network thread either.
            return new HxtFrame.Invalid("decoder failure: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Encodes a message as one text frame.
     *
     * @throws IllegalArgumentException if the encoded frame would exceed the frame limit
     */
    public String encode(HxtMessage message) {
        String text;
        try {
            text = mapper.writeValueAsString(HxtEncoders.encode(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
        if (exceedsFrameLimit(text)) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " frame exceeds "
                    + HxtLimits.MAX_FRAME_BYTES + " bytes");
        }
        return text;
    }

    private static HxtMessage decodeObject(HxtFields fields) {
        boolean isCommand = fields.has("command");
        boolean isEvent = fields.has("event");
        if (isCommand && isEvent) {
            throw new HxtDecodeException("frame has both command and event");
        }
        if (isCommand) {
            return lookup(HxtDecoders.COMMANDS, "command", fields.string("command")).decode(fields);
        }
        if (isEvent) {
            return lookup(HxtDecoders.EVENTS, "event", fields.string("event")).decode(fields);
        }
        if (fields.has("success")) {
            return HxtDecoders.reply(fields);
        }
        throw new HxtDecodeException("frame has no command, event or success field");
    }

    private static <T extends HxtMessage> HxtDecoders.Decoder<T> lookup(
            Map<String, HxtDecoders.Decoder<T>> table, String kind, String name) {
        HxtDecoders.Decoder<T> decoder = table.get(name);
        if (decoder == null) {
            throw new HxtDecodeException("unknown " + kind + " " + quoteShort(name));
        }
        return decoder;
    }

    /** Names are not secrets, but a hostile peer could send a huge one; keep reasons short. */
    private static String quoteShort(String name) {
        String cut = name.length() > 32 ? name.substring(0, 32) + "..." : name;
        return "'" + cut + "'";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    /** UTF-8 length check without encoding the whole string. */
    static boolean exceedsFrameLimit(String text) {
        if (text.length() > HxtLimits.MAX_FRAME_BYTES) {
            return true; // every char is at least one byte
        }
        if ((long) text.length() * 3 <= HxtLimits.MAX_FRAME_BYTES) {
            return false; // a char is at most three bytes (a surrogate pair is four for two chars)
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > HxtLimits.MAX_FRAME_BYTES;
    }
}
