package dev.outpost.gateway.muster;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A muster that was running when the gateway stopped, as read back from the journal.
 *
 * @param lastSequence the sequence of the last recorded input (inputs recorded after a resume continue from it)
 * @param recordedAcks units whose ack was recorded already, so it is not announced again
 */
public record RecoveredMuster(MusterStart start, List<MusterInput> inputs, long lastSequence,
                              Set<String> recordedAcks) {
    public RecoveredMuster {
        Objects.requireNonNull(start, "start");
        inputs = List.copyOf(inputs);
        recordedAcks = Set.copyOf(recordedAcks);
    }
}
