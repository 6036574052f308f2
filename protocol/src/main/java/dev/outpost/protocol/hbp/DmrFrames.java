package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.Csbk;
import dev.outpost.protocol.hbp.dmr.CsbkCodec;
import dev.outpost.protocol.hbp.dmr.DataType;
import dev.outpost.protocol.hbp.dmr.FullLc;
import dev.outpost.protocol.hbp.dmr.FullLcCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the DMRD packets of what Outpost (or its simulator) transmits: CSBKs (radio check, call alert and their
 * acks) and whole voice calls. Every packet is the 55-byte form with BER and RSSI zero, since DMRGateway drops
 * 53-byte DMRD.
 */
public final class DmrFrames {
    /** One AMBE+2 silence frame (72 bits); a voice burst carries three. The value MMDVMHost uses for silence. */
    private static final byte[] AMBE_SILENCE = HexFormat.of().parseHex("b9e881526173002a6b");
    private static final Dmrd.Signal NO_SIGNAL = new Dmrd.Signal(0, 0);
    /** Voice bursts per superframe, A to F. */
    public static final int BURSTS_PER_SUPERFRAME = 6;

    private DmrFrames() {
    }

    /** One CSBK in one data-sync DMRD. */
    public static Dmrd csbk(DmrRoute route, DmrRoute.Stream stream, int sequence, Csbk csbk) {
        byte[] burst = CsbkCodec.toBurst(csbk, route.colourCode(), route.dataSync());
        return data(route, stream, sequence, DataType.CSBK, burst);
    }

    /** A radio check from {@code requester} to {@code radio}, as a private-call CSBK (see {@link RadioCheck}). */
    public static Dmrd radioCheck(DmrRoute route, long streamId, int sequence, int requester, int radio) {
        return csbk(route, new DmrRoute.Stream(streamId, requester, radio, Dmrd.CallType.PRIVATE), sequence,
                RadioCheck.request(requester, radio));
    }

    /** The ack a radio sends to a radio check, in the form Outpost emits (see {@link RadioCheck#ack}). */
    public static Dmrd radioCheckAck(DmrRoute route, long streamId, int sequence, int radio, int requester) {
        return csbk(route, new DmrRoute.Stream(streamId, radio, requester, Dmrd.CallType.PRIVATE), sequence,
                RadioCheck.ack(radio, requester));
    }

    public static Dmrd callAlert(DmrRoute route, long streamId, int sequence, int requester, int radio) {
        return csbk(route, new DmrRoute.Stream(streamId, requester, radio, Dmrd.CallType.PRIVATE), sequence,
                CallAlert.request(requester, radio));
    }

    public static Dmrd callAlertAck(DmrRoute route, long streamId, int sequence, int radio, int requester) {
        return csbk(route, new DmrRoute.Stream(streamId, radio, requester, Dmrd.CallType.PRIVATE), sequence,
                CallAlert.ack(radio, requester));
    }

    /**
     * A whole voice transmission: voice LC header, {@code superframes} x bursts A..F of silence, terminator with LC;
     * sequence numbers from 0. On air the bursts are 60 ms apart per slot; pacing them is the caller's job.
     */
    public static List<Dmrd> voiceCall(DmrRoute route, DmrRoute.Stream stream, int superframes) {
        boolean group = stream.callType() == Dmrd.CallType.GROUP;
        FullLc lc = FullLc.voiceCall(group, stream.destination(), stream.source());
        List<Dmrd> frames = new ArrayList<>();
        int sequence = 0;
        frames.add(data(route, stream, sequence++, DataType.VOICE_LC_HEADER,
                FullLcCodec.toBurst(lc, DataType.VOICE_LC_HEADER, route.colourCode(), route.dataSync())));
        for (int s = 0; s < superframes; s++) {
            for (int index = 0; index < BURSTS_PER_SUPERFRAME; index++) {
                frames.add(voiceBurst(route, stream, sequence++ & 0xFF, index));
            }
        }
        frames.add(data(route, stream, sequence & 0xFF, DataType.TERMINATOR_WITH_LC,
                FullLcCodec.toBurst(lc, DataType.TERMINATOR_WITH_LC, route.colourCode(), route.dataSync())));
        return frames;
    }

    /**
     * Voice burst {@code index} (0 = A, with voice sync; 1..5 = B..F) carrying three silence frames. B..F carry no
     * EMB or embedded LC (their middle 48 bits are zero): Outpost reads talkers from DMRD headers, not from them.
     */
    public static Dmrd voiceBurst(DmrRoute route, DmrRoute.Stream stream, int sequence, int index) {
        if (index < 0 || index >= BURSTS_PER_SUPERFRAME) {
            throw new IllegalArgumentException("voice burst index must be 0..5");
        }
        byte[] burst = new byte[33];
        byte[] ambe = new byte[27];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(AMBE_SILENCE, 0, ambe, i * 9, 9);
        }
        // 108 AMBE bits, 48 sync/embedded bits, 108 AMBE bits: bytes 0..12 and the top nibble of 13, then the
        // low nibble of 19 and bytes 20..32.
        System.arraycopy(ambe, 0, burst, 0, 13);
        burst[13] = (byte) (ambe[13] & 0xF0);
        burst[19] = (byte) (ambe[13] & 0x0F);
        System.arraycopy(ambe, 14, burst, 20, 13);
        Dmrd.FrameType type = Dmrd.FrameType.VOICE;
        if (index == 0) {
            route.voiceSync().writeTo(burst);
            type = Dmrd.FrameType.VOICE_SYNC;
        }
        return new Dmrd(sequence, stream.source(), stream.destination(), route.peerId(), route.slot(),
                stream.callType(), type, index, stream.streamId(), Octets.of(burst), NO_SIGNAL);
    }

    private static Dmrd data(DmrRoute route, DmrRoute.Stream stream, int sequence, DataType type, byte[] burst) {
        return new Dmrd(sequence & 0xFF, stream.source(), stream.destination(), route.peerId(), route.slot(),
                stream.callType(), Dmrd.FrameType.DATA_SYNC, type.code(), stream.streamId(), Octets.of(burst),
                NO_SIGNAL);
    }
}
