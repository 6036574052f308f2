package dev.outpost.protocol.pei;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The AT commands the gateway sends (docs/protocols/pei.md section 4). {@link #line()} is the command line
 * without its CR; an {@link SendSds} also has a body that goes after the radio's {@code >} prompt.
 */
public sealed interface PeiCommand {

    /** The command line, without the terminating CR. */
    String line();

    /** {@code AT}: does nothing but answer OK; the session uses it to resynchronise. */
    record Attention() implements PeiCommand {
        public String line() {
            return "AT";
        }
    }

    /** {@code ATE0}: stop echoing command lines (V.250 E command). */
    record EchoOff() implements PeiCommand {
        public String line() {
            return "ATE0";
        }
    }

    /**
     * {@code AT+CTSP=<service profile>,<service layer 1>,<service layer 2>} (EN 300 392-5 service profile set):
     * which incoming services the radio routes to the PEI. Layer 1: 2 = SDS, 3 = SDS-TL; layer 2: the status
     * service (20) or an SDS-TL protocol identifier (130 = 0x82 text messaging).
     */
    record SetServiceProfile(int profile, int serviceLayer1, int serviceLayer2) implements PeiCommand {
        public static SetServiceProfile status() {
            return new SetServiceProfile(1, 2, 20);
        }

        public static SetServiceProfile textMessaging() {
            return new SetServiceProfile(1, 3, 130);
        }

        public String line() {
            return "AT+CTSP=" + profile + "," + serviceLayer1 + "," + serviceLayer2;
        }
    }

    /**
     * {@code AT+CTSDS=<AI service>,<called party identity type>[,<area>,<access priority>,<e2ee>]}
     * (EN 300 392-5 SDS parameters): the service the next {@code AT+CMGS} uses.
     */
    record SetSdsParameters(int aiService, int calledPartyType, Integer area, Integer accessPriority,
                            Integer endToEndEncryption) implements PeiCommand {
        /** {@code AT+CTSDS=13,0}: statuses to an SSI. */
        public static SetSdsParameters status() {
            return new SetSdsParameters(SdsHeader.STATUS, IdentityType.SSI.code(), null, null, null);
        }

        /** {@code AT+CTSDS=12,0,0,0,1}: SDS type 4 (SDS-TL) to an SSI, as open PEI clients send it. */
        public static SetSdsParameters sdsTl() {
            return new SetSdsParameters(SdsHeader.SDS_TYPE_4, IdentityType.SSI.code(), 0, 0, 1);
        }

        public String line() {
            String head = "AT+CTSDS=" + aiService + "," + calledPartyType;
            return area == null ? head : head + "," + area + "," + accessPriority + "," + endToEndEncryption;
        }
    }

    /**
     * {@code AT+CMGS=<called party identity>,<length in bits>}, then after the {@code >} prompt the user data as
     * hex ended by Ctrl-Z (EN 300 392-5 send message). The service is the one last set by
     * {@link SetSdsParameters}.
     */
    record SendSds(TetraIdentity destination, int lengthBits, String bodyHex) implements PeiCommand {
        public SendSds {
            Objects.requireNonNull(destination, "destination");
            bodyHex = SdsPayloadCodec.hex("body", bodyHex);
            if (lengthBits < 1 || lengthBits > PeiLimits.MAX_SDS_BITS || (lengthBits + 7) / 8 * 2 != bodyHex.length()) {
                throw new IllegalArgumentException("length " + lengthBits + " bits does not fit a body of "
                        + bodyHex.length() / 2 + " bytes");
            }
        }

        /** A 16-bit status to an ISSI (after {@link SetSdsParameters#status()}). */
        public static SendSds status(long issi, int status) {
            return of(TetraIdentity.ssi(issi), new SdsPayload.Status(status));
        }

        /**
         * An SDS-TL text message (protocol 0x82) asking for a delivery report, to an ISSI (after
         * {@link SetSdsParameters#sdsTl()}). Text header 0x01: no timestamp, ISO 8859-1 (EN 300 392-2 29.5.4).
         *
         * @param deliveryReportRequest 1 received, 2 consumed, 3 both
         */
        public static SendSds textWithReport(long issi, int messageReference, int deliveryReportRequest,
                                             String text) {
            byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
            String userData = "01" + SdsPayloadCodec.toHex(latin1);
            return of(TetraIdentity.ssi(issi), new SdsPayload.SdsTransfer(0x82, deliveryReportRequest, false,
                    messageReference, null, userData));
        }

        public static SendSds of(TetraIdentity destination, SdsPayload payload) {
            byte[] body = SdsPayloadCodec.encode(payload);
            return new SendSds(destination, body.length * 8, SdsPayloadCodec.toHex(body));
        }

        public String line() {
            return "AT+CMGS=" + destination.digits() + "," + lengthBits;
        }
    }

    /** Any other command line from configuration (e.g. a vendor's init command); printable ASCII, starts AT. */
    record Custom(String text) implements PeiCommand {
        private static final int MAX_CHARS = 256;

        public Custom {
            Objects.requireNonNull(text, "text");
            if (!text.regionMatches(true, 0, "AT", 0, 2) || text.length() > MAX_CHARS
                    || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("a custom command is printable ASCII starting AT, at most "
                        + MAX_CHARS + " characters");
            }
        }

        public String line() {
            return text;
        }
    }
}
