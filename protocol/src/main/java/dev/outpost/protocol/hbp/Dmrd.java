package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.DataType;
import java.util.Objects;

/**
 * "DMRD": one DMR burst over HBP, 53 bytes, or 55 with BER and RSSI (MMDVMHost and DMRGateway send 55; current
 * DMRGateway drops other lengths). Layout: "DMRD", sequence @4, source @5 (24-bit), destination @8 (24-bit),
 * peer id @11 (32-bit), flags @15, stream id @16 (32-bit), burst @20 (33 bytes), BER @53, RSSI @54.
 * Flags: 0x80 slot 2, 0x40 private (unit-to-unit) call, 0x30 frame type, 0x0F data type (data sync) or voice
 * burst index 0..5 = A..F (voice).
 *
 * @param sequence           per-stream packet counter, 0..255, wrapping
 * @param peerId             the repeater the burst passed through; a master rewrites it when forwarding
 * @param typeOrVoiceIndex   the flags' low nibble: a {@link DataType} code or a voice burst index
 * @param signal             BER and RSSI of the 55-byte form, or null for the 53-byte form
 */
public record Dmrd(int sequence, int source, int destination, long peerId, int slot, CallType callType,
        FrameType frameType, int typeOrVoiceIndex, long streamId, Octets burst, Signal signal)
        implements HbpPacket {

    public static final int LENGTH = 53;
    public static final int LENGTH_WITH_SIGNAL = 55;
    public static final int MAX_RADIO_ID = 0xFFFFFF;

    public Dmrd {
        requireRange("sequence", sequence, 0, 255);
        requireRange("source", source, 0, MAX_RADIO_ID);
        requireRange("destination", destination, 0, MAX_RADIO_ID);
        HbpPacket.requirePeerId(peerId);
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("slot must be 1 or 2");
        }
        Objects.requireNonNull(callType, "callType");
        Objects.requireNonNull(frameType, "frameType");
        requireRange("typeOrVoiceIndex", typeOrVoiceIndex, 0, 15);
        HbpPacket.requirePeerId(streamId);
        if (burst.length() != 33) {
            throw new IllegalArgumentException("a DMR burst is 33 bytes");
        }
    }

    public enum CallType { GROUP, PRIVATE }

    /** Bits 0x30 of the flags. The fourth value (0x30) is reserved and decodes as invalid. */
    public enum FrameType { VOICE, VOICE_SYNC, DATA_SYNC }

    /** BER and RSSI bytes: BER as the sender counts it, RSSI as a positive number of -dBm (0 when unknown). */
    public record Signal(int ber, int rssi) {
        public Signal {
            requireRange("ber", ber, 0, 255);
            requireRange("rssi", rssi, 0, 255);
        }
    }

    /** The data type of a data-sync frame, or null for voice. */
    public DataType dataType() {
        return frameType == FrameType.DATA_SYNC ? DataType.of(typeOrVoiceIndex) : null;
    }

    /** The flags byte as sent. */
    public int flags() {
        return (slot == 2 ? 0x80 : 0) | (callType == CallType.PRIVATE ? 0x40 : 0) | frameType.ordinal() << 4
                | typeOrVoiceIndex;
    }

    /** The same packet with another peer id, as a master rewrites it when forwarding. */
    public Dmrd withPeerId(long newPeerId) {
        return new Dmrd(sequence, source, destination, newPeerId, slot, callType, frameType, typeOrVoiceIndex,
                streamId, burst, signal);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]");
        }
    }
}
