package dev.outpost.protocol.hbp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.hbp.dmr.Csbk;
import dev.outpost.protocol.hbp.dmr.FullLc;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building what Outpost transmits, reading it back, and matching acks under both readings. */
class DmrFramesTest {
    private static final int DISPATCHER = 9000001;
    private static final int RADIO = 3120101;
    private static final DmrRoute ROUTE = new DmrRoute(312000, 2, 1, true);

    private static Csbk csbkOf(Dmrd frame) {
        DmrSignal signal = DmrInterpreter.interpret((Dmrd) HbpCodec.decode(HbpCodec.encode(frame)));
        return assertInstanceOf(DmrSignal.ControlBlock.class, signal).csbk();
    }

    @Test
    void radioCheckIsAPrivateCsbkOnTheWireAsPROTOCOLSmdShowsIt() {
        Dmrd frame = DmrFrames.radioCheck(ROUTE, 77, 0, DISPATCHER, RADIO);
        assertEquals(0xE3, frame.flags()); // slot 2, private, data sync, CSBK
        assertEquals(Dmrd.LENGTH_WITH_SIGNAL, HbpCodec.encode(frame).length);
        assertEquals(RadioCheck.request(DISPATCHER, RADIO), csbkOf(frame));
        assertTrue(RadioCheck.isRequestFrom(frame, csbkOf(frame), DISPATCHER));
        assertEquals(Optional.empty(), RadioCheck.matchAck(frame, csbkOf(frame), DISPATCHER));
    }

    @Test
    void ourAckMatchesInReadingA() {
        Dmrd ack = DmrFrames.radioCheckAck(ROUTE, 78, 0, RADIO, DISPATCHER);
        assertEquals(Optional.of(new RadioCheck.Ack(RADIO, DISPATCHER, Csbk.FUNCTION_RADIO_CHECK_ACK, true)),
                RadioCheck.matchAck(ack, csbkOf(ack), DISPATCHER));
        assertEquals(Optional.empty(), RadioCheck.matchAck(ack, csbkOf(ack), 1234));
    }

    @Test
    void theOtherReadingMatchesToo() {
        // function byte "the other way round" (0x00 from the radio) and the request's address order kept
        Csbk swapped = new Csbk.ExtendedFunction(0, Csbk.FUNCTION_RADIO_CHECK, RADIO, DISPATCHER);
        Dmrd frame = DmrFrames.csbk(ROUTE, new DmrRoute.Stream(79, RADIO, DISPATCHER, Dmrd.CallType.PRIVATE), 0,
                swapped);
        assertEquals(Optional.of(new RadioCheck.Ack(RADIO, DISPATCHER, Csbk.FUNCTION_RADIO_CHECK, false)),
                RadioCheck.matchAck(frame, csbkOf(frame), DISPATCHER));
        assertFalse(RadioCheck.isRequestFrom(frame, csbkOf(frame), DISPATCHER));
    }

    @Test
    void callAlertAndItsAck() {
        Dmrd alert = DmrFrames.callAlert(ROUTE, 80, 0, DISPATCHER, RADIO);
        assertEquals(CallAlert.request(DISPATCHER, RADIO), csbkOf(alert));
        assertEquals(Optional.empty(), CallAlert.matchAck(alert, csbkOf(alert), DISPATCHER));
        Dmrd ack = DmrFrames.callAlertAck(ROUTE, 81, 0, RADIO, DISPATCHER);
        assertEquals(Optional.of(new CallAlert.Ack(RADIO, DISPATCHER, true)),
                CallAlert.matchAck(ack, csbkOf(ack), DISPATCHER));
    }

    @Test
    void aVoiceCallIsHeaderBurstsAToFAndTerminator() {
        DmrRoute.Stream stream = new DmrRoute.Stream(82, RADIO, 91, Dmrd.CallType.GROUP);
        List<Dmrd> frames = DmrFrames.voiceCall(new DmrRoute(312000, 1, 1, true), stream, 2);
        assertEquals(1 + 12 + 1, frames.size());
        assertEquals(0x21, frames.get(0).flags());
        assertEquals(0x10, frames.get(1).flags());
        assertEquals(List.of(0x01, 0x02, 0x03, 0x04, 0x05), frames.subList(2, 7).stream().map(Dmrd::flags).toList());
        assertEquals(0x22, frames.get(13).flags());
        FullLc lc = FullLc.voiceCall(true, 91, RADIO);
        assertEquals(new DmrSignal.VoiceHeader(frames.get(0), lc), DmrInterpreter.interpret(frames.get(0)));
        assertEquals(new DmrSignal.VoiceBurst(frames.get(7), 0), DmrInterpreter.interpret(frames.get(7)));
        assertEquals(new DmrSignal.VoiceTerminator(frames.get(13), lc), DmrInterpreter.interpret(frames.get(13)));
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).sequence());
            assertEquals(82, frames.get(i).streamId());
        }
    }

    @Test
    void aCorruptedCsbkIsUndecodableNotMisread() {
        Dmrd frame = DmrFrames.radioCheck(ROUTE, 83, 0, DISPATCHER, RADIO);
        byte[] burst = frame.burst().toByteArray();
        for (int bit : new int[] {10, 11, 25, 26, 40, 41, 170, 171, 200, 201, 230, 231}) {
            burst[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        }
        Dmrd damaged = new Dmrd(0, DISPATCHER, RADIO, 312000, 2, Dmrd.CallType.PRIVATE, Dmrd.FrameType.DATA_SYNC,
                3, 83, Octets.of(burst), null);
        assertInstanceOf(DmrSignal.Undecodable.class, DmrInterpreter.interpret(damaged));
    }
}
