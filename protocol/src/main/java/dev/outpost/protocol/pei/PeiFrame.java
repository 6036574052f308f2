package dev.outpost.protocol.pei;

import java.util.Objects;

/**
 * One decoded unit of radio output (docs/protocols/pei.md section 3): a final result, an information response,
 * an unsolicited indication, or an {@link Invalid} value with the reason. {@link PeiStreamDecoder} makes them.
 */
public sealed interface PeiFrame {

    /** Lines the radio sends on its own, at any time, even between a command and its final result. */
    sealed interface Unsolicited extends PeiFrame {
    }

    /** Lines that end a command: {@link Ok}, {@link Error} or {@link CmeError}. */
    sealed interface FinalResult extends PeiFrame {
    }

    record Ok() implements FinalResult {
    }

    record Error() implements FinalResult {
    }

    /** {@code +CME ERROR: <n>}: the command failed with a numbered reason. */
    record CmeError(int code) implements FinalResult {
    }

    /** The {@code >} prompt: the radio waits for an SDS body ended by Ctrl-Z. */
    record Prompt() implements PeiFrame {
    }

    /** {@code +CMGS: <SDS instance>[,<SDS status>[,<message reference>]]}: an SDS was handed to the radio. */
    record SdsSent(int sdsInstance, Integer sdsStatus, Integer messageReference) implements PeiFrame {
        public SdsSent {
            if (sdsStatus == null && messageReference != null) {
                throw new IllegalArgumentException("a message reference comes after the SDS status");
            }
        }
    }

    /** {@code +CTSDSR} header and the hex payload line after it, decoded. */
    record SdsReceived(SdsHeader header, SdsPayload payload) implements Unsolicited {
        public SdsReceived {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * {@code +CTXG: <CC instance>,<TxGrant>,<TxRqPrmsn>,<e2ee>[,<TPI type>,<TPI>]}: the floor was granted.
     *
     * @param txGrant 0 granted, 1 not granted, 2 queued, 3 granted to another user
     * @param talker  the transmitting party identity (TPI), or null when the line has none
     */
    record TxGrant(int ccInstance, int txGrant, int txRequestPermission, int endToEndEncryption,
                   TetraIdentity talker) implements Unsolicited {
        public static final int GRANTED = 0;
        public static final int GRANTED_TO_ANOTHER = 3;
    }

    /** {@code +CDTXC: <CC instance>[,<TxRqPrmsn>]}: the talker stopped transmitting. */
    record TxCeased(int ccInstance, Integer txRequestPermission) implements Unsolicited {
    }

    /** {@code +CTCR: <CC instance>,<disconnect cause>}: the call was released. */
    record CallReleased(int ccInstance, int disconnectCause) implements Unsolicited {
    }

    /**
     * {@code +CTICN}: an incoming call. The fields after the AI service are optional; absent ones are null.
     */
    record IncomingCall(int ccInstance, int callStatus, int aiService, TetraIdentity calling, Integer hook,
                        Integer simplex, Integer endToEndEncryption, Integer commsType, Integer slotsCodec,
                        TetraIdentity called, Integer priority) implements Unsolicited {
    }

    /** A command line ({@code AT...}): the radio echoing a command, or, on the radio side, a command. */
    record CommandLine(String text) implements PeiFrame {
        public CommandLine {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A Ctrl-Z body: an echoed SDS body, or, on the radio side, the body after the prompt. */
    record Body(String text) implements PeiFrame {
        public Body {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An SDS body cancelled with ESC. */
    record BodyAborted() implements PeiFrame {
    }

    /** A well-formed {@code +NAME: ...} line this decoder does not interpret; {@code name} includes the plus. */
    record Unhandled(String name) implements PeiFrame {
        public Unhandled {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Any other printable line: an information text such as an identification reply. */
    record Text(String text) implements PeiFrame {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Bytes or a line that did not decode; {@code reason} never echoes more than a short name. */
    record Invalid(String reason) implements PeiFrame {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
