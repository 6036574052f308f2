package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HxtCodecLimitsTest {
    private final HxtCodec codec = new HxtCodec();

    private static final String HEAD = "{\"event\":\"user_online\",\"user\":\"u1\",\"pad\":\"";
    private static final String TAIL = "\"}";

    /** A user_online frame padded by an ignored field with {@code count} copies of {@code pad}. */
    private static String paddedFrame(String pad, int count) {
        return HEAD + pad.repeat(count) + TAIL;
    }

    private static int asciiRoom() {
        return HxtLimits.MAX_FRAME_BYTES - HEAD.length() - TAIL.length();
    }

    @Test
    void frameOfExactlyTheLimitIsAccepted() {
        assertEquals(new HxtEvent.UserOnline("u1"), codec.decode(paddedFrame("x", asciiRoom())));
    }

    @Test
    void frameOneByteOverTheLimitIsInvalid() {
        HxtFrame frame = codec.decode(paddedFrame("x", asciiRoom() + 1));
        assertTrue(assertInstanceOf(HxtFrame.Invalid.class, frame).reason().contains("exceeds"));
    }

    @Test
    void limitCountsUtf8BytesNotCharacters() {
        // Three-byte characters: under the limit in chars, over it in bytes.
        String wide = paddedFrame("收", asciiRoom() / 3 + 1);
        assertTrue(wide.length() < HxtLimits.MAX_FRAME_BYTES);
        assertInstanceOf(HxtFrame.Invalid.class, codec.decode(wide));
        // Four-byte characters (surrogate pairs) just under the limit are fine.
        String emoji = paddedFrame("😀", asciiRoom() / 4);
        assertEquals(new HxtEvent.UserOnline("u1"), codec.decode(emoji));
    }

    @Test
    void nullTextIsInvalidNotAnException() {
        assertInstanceOf(HxtFrame.Invalid.class, codec.decode(null));
    }

    @Test
    void encodingAFrameOverTheLimitIsRefused() {
        String wideId = "收".repeat(HxtLimits.MAX_ID_CHARS);
        List<String> users = Collections.nCopies(HxtLimits.MAX_USERS_PER_ROLL_CALL, wideId);
        HxtCommand.RollCall call = new HxtCommand.RollCall(1, "c", users, null, HxtExpect.AUTO, 1000);
        assertThrows(IllegalArgumentException.class, () -> codec.encode(call));
    }

    @Test
    void recordsRefuseInvalidValuesSoSendersCannotBuildThem() {
        assertThrows(IllegalArgumentException.class, () -> new HxtEvent.Location("u", 91, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new HxtCommand.RollCall(1, "c", List.of(), null, HxtExpect.AUTO, 1000));
        assertThrows(IllegalArgumentException.class, () -> new HxtCommand.Ping(0));
    }

    @Test
    void tokenNeverAppearsInToStringOrReasons() {
        HxtCommand.Logon logon = new HxtCommand.Logon(1, "s3cret-token", "outpost/0.1.0");
        assertFalse(logon.toString().contains("s3cret-token"));
        HxtFrame bad = codec.decode("{\"command\":\"logon\",\"seq\":1,\"auth_token\":\"s3cret-token\",\"client\":7}");
        assertFalse(assertInstanceOf(HxtFrame.Invalid.class, bad).reason().contains("s3cret"));
        HxtFrame malformed = codec.decode("{\"command\":\"logon\",\"seq\":1,\"auth_token\":s3cret-token}");
        assertFalse(assertInstanceOf(HxtFrame.Invalid.class, malformed).reason().contains("s3cret"));
    }
}
