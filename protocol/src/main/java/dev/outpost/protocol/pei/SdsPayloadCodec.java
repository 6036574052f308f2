package dev.outpost.protocol.pei;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SDS user data to and from {@link SdsPayload} (EN 300 392-2 clause 29: SDS-TL PDUs in 29.4, the short report
 * in 29.4.2.3). Stateless.
 */
public final class SdsPayloadCodec {
    static final int SHORT_REPORT_MASK = 0xFC;
    static final int SHORT_REPORT_ID = 0x7C;
    private static final int TRANSFER = 0;
    private static final int REPORT = 1;
    private static final int ACK = 2;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private SdsPayloadCodec() {
    }

    /** Decodes the user data of an SDS with {@code header}; {@code data} holds exactly its bytes. */
    static SdsPayload decode(SdsHeader header, byte[] data) {
        if (header.aiService() == SdsHeader.STATUS) {
            int value = (data[0] & 0xFF) << 8 | data[1] & 0xFF;
            if ((data[0] & SHORT_REPORT_MASK) == SHORT_REPORT_ID) {
                return new SdsPayload.ShortReport(data[0] & 0x03, data[1] & 0xFF);
            }
            return new SdsPayload.Status(value);
        }
        if (header.aiService() != SdsHeader.SDS_TYPE_4) {
            return new SdsPayload.Opaque(null, HEX.formatHex(data));
        }
        int protocolId = data[0] & 0xFF;
        if (protocolId < 0x80) {
            return new SdsPayload.Opaque(protocolId, HEX.formatHex(data, 1, data.length));
        }
        return decodeSdsTl(protocolId, data);
    }

    private static SdsPayload decodeSdsTl(int protocolId, byte[] data) {
        need(data, 2, "SDS-TL PDU");
        int flags = data[1] & 0xFF;
        int type = flags >> 4;
        boolean storeForward = (flags & 0x01) != 0;
        if (type == TRANSFER) {
            need(data, 3, "SDS-TRANSFER");
            int end = storeForwardEnd(data, 3, storeForward);
            return new SdsPayload.SdsTransfer(protocolId, flags >> 2 & 0x03, (flags & 0x02) != 0, data[2] & 0xFF,
                    storeForward ? HEX.formatHex(data, 3, end) : null, HEX.formatHex(data, end, data.length));
        }
        if (type == REPORT) {
            need(data, 4, "SDS-REPORT");
            int end = storeForwardEnd(data, 4, storeForward);
            return new SdsPayload.SdsReport(protocolId, (flags & 0x08) != 0, data[2] & 0xFF, data[3] & 0xFF,
                    storeForward ? HEX.formatHex(data, 4, end) : null, HEX.formatHex(data, end, data.length));
        }
        if (type == ACK) {
            if (data.length != 4) {
                throw new PeiDecodeException("SDS-ACK has " + data.length + " bytes; expected 4");
            }
            return new SdsPayload.SdsAck(protocolId, data[2] & 0xFF, data[3] & 0xFF);
        }
        throw new PeiDecodeException("reserved SDS-TL message type " + type);
    }

    /**
     * Where the store and forward control information starting at {@code from} ends (EN 300 392-2 29.4.3:
     * validity period and forward address type in one byte, then the address the type calls for).
     */
    private static int storeForwardEnd(byte[] data, int from, boolean present) {
        if (!present) {
            return from;
        }
        need(data, from + 1, "store/forward control");
        int addressType = data[from] & 0x07;
        int end = switch (addressType) {
            case 0 -> from + 2; // SNA
            case 1 -> from + 4; // SSI
            case 2 -> from + 7; // TSI: SSI and address extension
            case 3 -> { // external subscriber number: digit count, then two digits a byte
                need(data, from + 2, "store/forward external number");
                yield from + 2 + ((data[from + 1] & 0xFF) + 1) / 2;
            }
            case 7 -> from + 1; // no forward address
            default -> throw new PeiDecodeException("reserved forward address type " + addressType);
        };
        need(data, end, "store/forward control");
        return end;
    }

    private static void need(byte[] data, int bytes, String what) {
        if (data.length < bytes) {
            throw new PeiDecodeException(what + " needs " + bytes + " bytes, has " + data.length);
        }
    }

    /** The user data bytes of {@code payload}, as {@link #decode} reads them. */
    public static byte[] encode(SdsPayload payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (payload instanceof SdsPayload.Status s) {
            out.write(s.value() >> 8);
            out.write(s.value());
        } else if (payload instanceof SdsPayload.ShortReport r) {
            out.write(SHORT_REPORT_ID | r.reportType());
            out.write(r.messageReference());
        } else if (payload instanceof SdsPayload.SdsTransfer t) {
            out.write(t.protocolId());
            out.write(TRANSFER << 4 | t.deliveryReportRequest() << 2 | (t.serviceSelection() ? 0x02 : 0)
                    | (t.storeForwardHex() != null ? 0x01 : 0));
            out.write(t.messageReference());
            out.writeBytes(bytes(t.storeForwardHex()));
            out.writeBytes(bytes(t.userDataHex()));
        } else if (payload instanceof SdsPayload.SdsReport r) {
            out.write(r.protocolId());
            out.write(REPORT << 4 | (r.ackRequired() ? 0x08 : 0) | (r.storeForwardHex() != null ? 0x01 : 0));
            out.write(r.deliveryStatus());
            out.write(r.messageReference());
            out.writeBytes(bytes(r.storeForwardHex()));
            out.writeBytes(bytes(r.userDataHex()));
        } else if (payload instanceof SdsPayload.SdsAck a) {
            out.write(a.protocolId());
            out.write(ACK << 4);
            out.write(a.deliveryStatus());
            out.write(a.messageReference());
        } else if (payload instanceof SdsPayload.Opaque o) {
            if (o.protocolId() != null) {
                out.write(o.protocolId());
            }
            out.writeBytes(bytes(o.dataHex()));
        }
        return out.toByteArray();
    }

    /** Upper-case hex of {@code bytes}. */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Validates and upper-cases a hex string (even length, hex digits only). */
    static String hex(String name, String hex) {
        if (hex == null || hex.length() % 2 != 0 || !isHex(hex)) {
            throw new IllegalArgumentException(name + " is not an even number of hex digits");
        }
        return hex.toUpperCase(Locale.ROOT);
    }

    static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(String hex) {
        return hex == null ? new byte[0] : HEX.parseHex(hex);
    }
}
