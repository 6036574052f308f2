package dev.outpost.protocol.hbp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Loads the data files under {@code hbp/} and builds expected values from their fields, field by field. */
final class HbpVectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HbpVectors() {
    }

    static JsonNode load(String resource) {
        try (InputStream in = HbpVectors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    static HbpPacket controlPacket(String type, JsonNode v) {
        return switch (type) {
            case "Login" -> new HbpPacket.Login(v.get("peerId").asLong());
            case "Ack" -> new HbpPacket.Ack(v.get("value").asLong());
            case "AuthKey" -> new HbpPacket.AuthKey(v.get("peerId").asLong(), Octets.fromHex(v.get("hash").asText()));
            case "Config" -> new HbpPacket.Config(v.get("peerId").asLong(), peerConfig(v.get("config")));
            case "Options" -> new HbpPacket.Options(v.get("peerId").asLong(), v.get("options").asText());
            case "Ping" -> new HbpPacket.Ping(v.get("peerId").asLong());
            case "Pong" -> new HbpPacket.Pong(v.get("peerId").asLong());
            case "Nak" -> new HbpPacket.Nak(v.get("peerId").asLong());
            case "PeerClose" -> new HbpPacket.PeerClose(v.get("peerId").asLong());
            case "MasterClose" -> new HbpPacket.MasterClose(v.get("peerId").asLong());
            default -> throw new IllegalArgumentException("unknown vector type " + type);
        };
    }

    static PeerConfig peerConfig(JsonNode c) {
        return new PeerConfig(c.get("callsign").asText(), c.get("rxFrequencyHz").asLong(),
                c.get("txFrequencyHz").asLong(), c.get("txPower").asInt(), c.get("colourCode").asInt(),
                c.get("latitude").asText(), c.get("longitude").asText(), c.get("heightMetres").asInt(),
                c.get("location").asText(), c.get("description").asText(), c.get("slots").asText().charAt(0),
                c.get("url").asText(), c.get("softwareId").asText(), c.get("packageId").asText());
    }

    static Dmrd dmrd(JsonNode v) {
        Dmrd.Signal signal = v.has("ber") ? new Dmrd.Signal(v.get("ber").asInt(), v.get("rssi").asInt()) : null;
        return new Dmrd(v.get("sequence").asInt(), v.get("source").asInt(), v.get("destination").asInt(),
                v.get("peerId").asLong(), v.get("slot").asInt(), Dmrd.CallType.valueOf(v.get("callType").asText()),
                Dmrd.FrameType.valueOf(v.get("frameType").asText()), v.get("typeOrVoiceIndex").asInt(),
                v.get("streamId").asLong(), Octets.fromHex(v.get("burst").asText()), signal);
    }
}
