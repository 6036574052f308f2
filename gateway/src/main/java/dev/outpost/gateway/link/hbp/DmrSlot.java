package dev.outpost.gateway.link.hbp;

import dev.outpost.protocol.hbp.Dmrd;

/**
 * One timeslot of one base station: the unit DMR traffic is paced and tracked by, since a slot carries one
 * transmission at a time.
 *
 * @param peerId the base station's HBP peer id
 * @param slot   1 or 2
 */
public record DmrSlot(long peerId, int slot) {
    public DmrSlot {
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("slot must be 1 or 2: " + slot);
        }
    }

    static DmrSlot of(Dmrd frame) {
        return new DmrSlot(frame.peerId(), frame.slot());
    }

    @Override
    public String toString() {
        return peerId + "/" + slot;
    }
}
