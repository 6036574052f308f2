package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.CsbkCodec;
import dev.outpost.protocol.hbp.dmr.CsbkFrame;
import dev.outpost.protocol.hbp.dmr.Csbk;
import dev.outpost.protocol.hbp.dmr.DataType;
import dev.outpost.protocol.hbp.dmr.FullLc;
import dev.outpost.protocol.hbp.dmr.FullLcCodec;
import dev.outpost.protocol.hbp.dmr.LcFrame;

/**
 * Reads the DMR burst of a DMRD by the frame type and data type its flags declare. The flags are trusted for
 * the choice of decoder; the burst's own checks (CSBK CRC, LC Reed-Solomon) decide whether the content is believed.
 * Stateless; never throws.
 */
public final class DmrInterpreter {
    private DmrInterpreter() {
    }

    public static DmrSignal interpret(Dmrd frame) {
        if (frame.frameType() != Dmrd.FrameType.DATA_SYNC) {
            if (frame.typeOrVoiceIndex() >= DmrFrames.BURSTS_PER_SUPERFRAME) {
                return new DmrSignal.Undecodable(frame, "voice burst index " + frame.typeOrVoiceIndex());
            }
            return new DmrSignal.VoiceBurst(frame, frame.typeOrVoiceIndex());
        }
        DataType type = frame.dataType();
        byte[] burst = frame.burst().toByteArray();
        return switch (type) {
            case CSBK -> csbk(frame, CsbkCodec.fromBurst(burst));
            case VOICE_LC_HEADER, TERMINATOR_WITH_LC -> lc(frame, type, FullLcCodec.fromBurst(burst));
            default -> new DmrSignal.OtherData(frame, type);
        };
    }

    private static DmrSignal csbk(Dmrd frame, CsbkFrame decoded) {
        if (decoded instanceof CsbkFrame.Invalid invalid) {
            return new DmrSignal.Undecodable(frame, invalid.reason());
        }
        return new DmrSignal.ControlBlock(frame, (Csbk) decoded);
    }

    private static DmrSignal lc(Dmrd frame, DataType type, LcFrame decoded) {
        if (decoded instanceof LcFrame.Invalid invalid) {
            return new DmrSignal.Undecodable(frame, invalid.reason());
        }
        FullLc lc = (FullLc) decoded;
        return type == DataType.VOICE_LC_HEADER ? new DmrSignal.VoiceHeader(frame, lc)
                : new DmrSignal.VoiceTerminator(frame, lc);
    }
}
