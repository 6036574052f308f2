package dev.outpost.protocol.pei;

import java.util.Locale;
import java.util.Map;

/**
 * SDS-TL delivery status values (EN 300 392-2 29.4.3.2, table 29.16). The top three bits give the class:
 * 000 success, 001 temporary error, 010 data transfer failed, 011 flow control, 100 end to end control.
 * Only a few values matter to a muster; the rest are named for logs.
 */
public final class DeliveryStatus {
    public static final int RECEIVED = 0x00;
    public static final int RECEIPT_REPORT_ACK = 0x01;
    public static final int CONSUMED = 0x02;
    public static final int CONSUMED_REPORT_ACK = 0x03;
    public static final int FORWARDED_TO_EXTERNAL_NETWORK = 0x04;
    public static final int SENT_TO_GROUP_ACK_PREVENTED = 0x05;
    public static final int CONCATENATION_PART_RECEIVED = 0x06;
    public static final int CONGESTION_STORED = 0x20;
    public static final int STORED = 0x21;
    public static final int NOT_REACHABLE_STORED = 0x22;
    public static final int NOT_REGISTERED = 0x4B;
    public static final int NOT_REACHABLE = 0x5A;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(RECEIVED, "received"), Map.entry(RECEIPT_REPORT_ACK, "receipt report acknowledged"),
            Map.entry(CONSUMED, "consumed"), Map.entry(CONSUMED_REPORT_ACK, "consumed report acknowledged"),
            Map.entry(FORWARDED_TO_EXTERNAL_NETWORK, "forwarded to external network"),
            Map.entry(SENT_TO_GROUP_ACK_PREVENTED, "sent to group, acknowledgement prevented"),
            Map.entry(CONCATENATION_PART_RECEIVED, "concatenation part received"),
            Map.entry(CONGESTION_STORED, "congestion, message stored"), Map.entry(STORED, "message stored"),
            Map.entry(NOT_REACHABLE_STORED, "destination not reachable, message stored"),
            Map.entry(0x40, "network overload"), Map.entry(0x41, "service permanently not available"),
            Map.entry(0x42, "service temporarily not available"), Map.entry(0x43, "source not authorised"),
            Map.entry(0x44, "destination not authorised"), Map.entry(0x45, "unknown destination"),
            Map.entry(0x47, "group address with individual service"),
            Map.entry(0x48, "validity period expired, not received"),
            Map.entry(0x49, "validity period expired, not consumed"), Map.entry(0x4A, "delivery failed"),
            Map.entry(NOT_REGISTERED, "destination not registered"), Map.entry(0x4C, "destination queue full"),
            Map.entry(0x4D, "message too long"), Map.entry(0x4E, "destination does not support SDS-TL"),
            Map.entry(0x50, "protocol not supported"), Map.entry(0x51, "data coding scheme not supported"),
            Map.entry(0x52, "destination memory full, discarded"), Map.entry(0x53, "destination not accepting SDS"),
            Map.entry(NOT_REACHABLE, "destination not reachable, delivery failed"),
            Map.entry(0x60, "destination memory full"), Map.entry(0x61, "destination memory available"),
            Map.entry(0x80, "stop sending"), Map.entry(0x81, "start sending"));

    private DeliveryStatus() {
    }

    /** The message reached the destination (received, consumed, or a report of either acknowledged). */
    public static boolean delivered(int status) {
        return status >= RECEIVED && status <= CONSUMED_REPORT_ACK || status == CONCATENATION_PART_RECEIVED;
    }

    public static boolean success(int status) {
        return (status & 0xE0) == 0x00;
    }

    public static boolean temporaryError(int status) {
        return (status & 0xE0) == 0x20;
    }

    public static boolean failed(int status) {
        return (status & 0xE0) == 0x40;
    }

    /** A short name for logs, e.g. {@code 0x02 consumed}. */
    public static String describe(int status) {
        return String.format(Locale.ROOT, "0x%02X %s", status, NAMES.getOrDefault(status, "(unnamed)"));
    }
}
