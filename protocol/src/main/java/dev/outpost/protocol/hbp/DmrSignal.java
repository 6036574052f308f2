package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.Csbk;
import dev.outpost.protocol.hbp.dmr.DataType;
import dev.outpost.protocol.hbp.dmr.FullLc;

/** What one DMRD carries, as {@link DmrInterpreter} reads it. Every variant keeps the packet it came from. */
public sealed interface DmrSignal {
    Dmrd frame();

    /** Voice LC header: a voice call starts; {@code lc} names talker and target as the radio sent them. */
    record VoiceHeader(Dmrd frame, FullLc lc) implements DmrSignal {
    }

    /** Voice burst A..F ({@code index} 0..5); a call joined late starts with one of these. */
    record VoiceBurst(Dmrd frame, int index) implements DmrSignal {
    }

    /** Terminator with LC: the call ended (it may be lost; streams also end on silence). */
    record VoiceTerminator(Dmrd frame, FullLc lc) implements DmrSignal {
    }

    /** A CSBK whose CRC held (after BPTC correction). */
    record ControlBlock(Dmrd frame, Csbk csbk) implements DmrSignal {
    }

    /** Data of a type Outpost does not read (data headers, rate-1/2 blocks, idle, ...). */
    record OtherData(Dmrd frame, DataType type) implements DmrSignal {
    }

    /** A burst that failed its checks (CRC, Reed-Solomon, slot type); {@code reason} says which. */
    record Undecodable(Dmrd frame, String reason) implements DmrSignal {
    }
}
