package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.Csbk;
import java.util.Optional;

/**
 * Radio check: a MOTOROLA-FID extended-function CSBK (opcode 0x24, FID 0x10), radio ids in target (bytes 4..6) and
 * source (bytes 7..9). Open implementations disagree on the ack (PROTOCOLS.md section 1):
 * <ul>
 * <li>reading A (dvmhost's constants): function 0x00 asks, 0x80 acks;
 * <li>reading B: the function byte the other way round, and the ack keeps the request's address order.
 * </ul>
 * Outpost emits requests as function 0x00, target = radio, source = requester, and acks (the simulator's radios)
 * as function 0x80, target = requester, source = radio: reading A, with the addresses in the order the DMRD header
 * of the same burst has them. On receipt it accepts every combination, because the burst itself says who
 * transmitted it: an ack is any radio-check CSBK (function 0x00 or 0x80) that a radio other than the requester
 * transmitted (DMRD source) and whose two address fields are that radio and the requester, in either order.
 */
public final class RadioCheck {
    private RadioCheck() {
    }

    /** How a received ack was written; kept so that operators can see which reading their radios use. */
    public record Ack(int radio, int requester, int function, boolean responderInSourceField) {
    }

    public static Csbk.ExtendedFunction request(int requester, int radio) {
        return new Csbk.ExtendedFunction(0, Csbk.FUNCTION_RADIO_CHECK, radio, requester);
    }

    public static Csbk.ExtendedFunction ack(int radio, int requester) {
        return new Csbk.ExtendedFunction(0, Csbk.FUNCTION_RADIO_CHECK_ACK, requester, radio);
    }

    /** The ack to {@code requester} that {@code frame} carries, if it is one (see the class comment). */
    public static Optional<Ack> matchAck(Dmrd frame, Csbk csbk, int requester) {
        if (!(csbk instanceof Csbk.ExtendedFunction f) || !isCheckFunction(f.function())) {
            return Optional.empty();
        }
        int transmitter = frame.source();
        if (transmitter == requester) {
            return Optional.empty(); // our own request, echoed or forwarded
        }
        if (f.source() == transmitter && f.target() == requester) {
            return Optional.of(new Ack(transmitter, requester, f.function(), true));
        }
        if (f.target() == transmitter && f.source() == requester) {
            return Optional.of(new Ack(transmitter, requester, f.function(), false));
        }
        return Optional.empty();
    }

    /** Whether {@code csbk} in {@code frame} is a radio check that {@code requester} sent. */
    public static boolean isRequestFrom(Dmrd frame, Csbk csbk, int requester) {
        return csbk instanceof Csbk.ExtendedFunction f && isCheckFunction(f.function())
                && frame.source() == requester && f.source() == requester;
    }

    private static boolean isCheckFunction(int function) {
        return function == Csbk.FUNCTION_RADIO_CHECK || function == Csbk.FUNCTION_RADIO_CHECK_ACK;
    }
}
