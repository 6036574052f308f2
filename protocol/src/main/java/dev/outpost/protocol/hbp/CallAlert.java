package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.Csbk;
import java.util.Optional;

/**
 * Call alert ("page"): CSBK opcode 0x1F with FID 0x10, answered by the alerted radio with an ack response
 * (opcode 0x20, FID 0x10), as dvmhost's CSBK_CALL_ALRT and CSBK_ACK_RSP lay them out. Outpost emits the ack with
 * target = requester and source = radio; on receipt, as for {@link RadioCheck}, it accepts the two address
 * fields in either order, provided the transmitter (DMRD source) is the radio.
 */
public final class CallAlert {
    private CallAlert() {
    }

    public record Ack(int radio, int requester, boolean responderInSourceField) {
    }

    public static Csbk.CallAlert request(int requester, int radio) {
        return new Csbk.CallAlert(0, radio, requester);
    }

    public static Csbk.AckResponse ack(int radio, int requester) {
        return new Csbk.AckResponse(0, requester, radio);
    }

    public static Optional<Ack> matchAck(Dmrd frame, Csbk csbk, int requester) {
        if (!(csbk instanceof Csbk.AckResponse r) || frame.source() == requester) {
            return Optional.empty();
        }
        int transmitter = frame.source();
        if (r.source() == transmitter && r.target() == requester) {
            return Optional.of(new Ack(transmitter, requester, true));
        }
        if (r.target() == transmitter && r.source() == requester) {
            return Optional.of(new Ack(transmitter, requester, false));
        }
        return Optional.empty();
    }
}
