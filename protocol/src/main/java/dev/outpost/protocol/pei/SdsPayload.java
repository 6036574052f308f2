package dev.outpost.protocol.pei;

/**
 * The user data of an incoming SDS, decoded by {@link SdsPayloadCodec} (EN 300 392-2 clause 29 for SDS-TL).
 * Byte strings are upper-case hex so that values compare by content.
 */
public sealed interface SdsPayload {

    /** A pre-coded status on the status service (AI service 13); 0x8000 to 0xFFFF are for user meanings. */
    record Status(int value) implements SdsPayload {
        public Status {
            check("status", value, 0, 0xFFFF);
            if ((value >> 8 & SdsPayloadCodec.SHORT_REPORT_MASK) == SdsPayloadCodec.SHORT_REPORT_ID) {
                throw new IllegalArgumentException("0x7C00 to 0x7FFF on the status service is a short report");
            }
        }
    }

    /**
     * SDS-SHORT-REPORT (EN 300 392-2 29.4.2.3), carried on the status service with a first byte of 0x7C | type.
     *
     * @param reportType 0 protocol or encoding not supported, 1 destination memory full, 2 received, 3 consumed
     */
    record ShortReport(int reportType, int messageReference) implements SdsPayload {
        public static final int RECEIVED = 2;
        public static final int CONSUMED = 3;

        public ShortReport {
            check("short report type", reportType, 0, 3);
            check("message reference", messageReference, 0, 0xFF);
        }
    }

    /**
     * SDS-TRANSFER (EN 300 392-2 29.4.2.4): data that may ask for a delivery report.
     *
     * @param deliveryReportRequest 0 none, 1 received, 2 consumed, 3 both (EN 300 392-2 table 29.17)
     * @param serviceSelection      the service selection / short form report bit as sent (true = bit set)
     * @param storeForwardHex       store and forward control information, raw, or null when absent
     * @param userDataHex           what follows (for text messaging: the text header byte, then the text)
     */
    record SdsTransfer(int protocolId, int deliveryReportRequest, boolean serviceSelection, int messageReference,
                       String storeForwardHex, String userDataHex) implements SdsPayload {
        public SdsTransfer {
            checkSdsTl(protocolId, messageReference);
            check("delivery report request", deliveryReportRequest, 0, 3);
            userDataHex = SdsPayloadCodec.hex("user data", userDataHex);
            storeForwardHex = storeForwardHex == null ? null : SdsPayloadCodec.hex("store/forward", storeForwardHex);
        }
    }

    /**
     * SDS-REPORT (EN 300 392-2 29.4.2.2): the delivery report for the transfer with the same message reference.
     *
     * @param deliveryStatus see {@link DeliveryStatus}
     */
    record SdsReport(int protocolId, boolean ackRequired, int deliveryStatus, int messageReference,
                     String storeForwardHex, String userDataHex) implements SdsPayload {
        public SdsReport {
            checkSdsTl(protocolId, messageReference);
            check("delivery status", deliveryStatus, 0, 0xFF);
            userDataHex = SdsPayloadCodec.hex("user data", userDataHex);
            storeForwardHex = storeForwardHex == null ? null : SdsPayloadCodec.hex("store/forward", storeForwardHex);
        }
    }

    /** SDS-ACK (EN 300 392-2 29.4.2.1): acknowledges a report that asked for it. */
    record SdsAck(int protocolId, int deliveryStatus, int messageReference) implements SdsPayload {
        public SdsAck {
            checkSdsTl(protocolId, messageReference);
            check("delivery status", deliveryStatus, 0, 0xFF);
        }
    }

    /**
     * Data passed through undecoded: SDS types 1 to 3, or SDS type 4 with a protocol identifier below 0x80
     * (no SDS-TL header).
     *
     * @param protocolId the first byte for SDS type 4, or null for SDS types 1 to 3
     */
    record Opaque(Integer protocolId, String dataHex) implements SdsPayload {
        public Opaque {
            if (protocolId != null) {
                check("protocol identifier", protocolId, 0, 0x7F);
            }
            dataHex = SdsPayloadCodec.hex("data", dataHex);
        }
    }

    private static void checkSdsTl(int protocolId, int messageReference) {
        check("SDS-TL protocol identifier", protocolId, 0x80, 0xFF);
        check("message reference", messageReference, 0, 0xFF);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + " to " + max);
        }
    }
}
