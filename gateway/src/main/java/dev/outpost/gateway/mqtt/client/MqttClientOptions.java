package dev.outpost.gateway.mqtt.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the broker.
 *
 * @param serverUri        {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId         stable per gateway: two gateways sharing one take each other's session over
 * @param password         read from a file or the environment by the caller; never logged
 * @param caFile           PEM file with the CA certificate(s) to trust for {@code ssl://}; empty uses the JVM's
 * @param reconnectMin     first retry delay; doubles per failed attempt up to {@code reconnectMax}, with jitter
 * @param stableAfter      a connection that lived this long resets the backoff; shorter ones keep it growing
 * @param maxInflight      QoS 1/2 publishes awaiting confirmation at once (Paho 3.1.1 limit)
 */
public record MqttClientOptions(
        String serverUri,
        MqttProtocolVersion version,
        String clientId,
        Optional<String> username,
        Optional<char[]> password,
        Optional<Path> caFile,
        Duration keepAlive,
        Duration connectTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stableAfter,
        int maxInflight) {

    public MqttClientOptions {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectMin <= reconnectMax");
        }
        if (maxInflight < 1) {
            throw new IllegalArgumentException("maxInflight must be positive");
        }
    }

    /** Anonymous, plain TCP, keepalive 30 s, reconnect 0.5 s .. 30 s. */
    public static MqttClientOptions defaults(String serverUri, MqttProtocolVersion version, String clientId) {
        return new MqttClientOptions(serverUri, version, clientId, Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(30), 100);
    }

    public MqttClientOptions withReconnect(Duration min, Duration max) {
        return new MqttClientOptions(serverUri, version, clientId, username, password, caFile, keepAlive,
                connectTimeout, min, max, stableAfter, maxInflight);
    }

    public MqttClientOptions withCredentials(String user, char[] secret) {
        return new MqttClientOptions(serverUri, version, clientId, Optional.of(user), Optional.of(secret.clone()),
                caFile, keepAlive, connectTimeout, reconnectMin, reconnectMax, stableAfter, maxInflight);
    }

    public MqttClientOptions withCaFile(Path ca) {
        return new MqttClientOptions(serverUri, version, clientId, username, password, Optional.of(ca), keepAlive,
                connectTimeout, reconnectMin, reconnectMax, stableAfter, maxInflight);
    }

    public MqttClientOptions withKeepAlive(Duration keepAliveInterval) {
        return new MqttClientOptions(serverUri, version, clientId, username, password, caFile, keepAliveInterval,
                connectTimeout, reconnectMin, reconnectMax, stableAfter, maxInflight);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MqttClientOptions[serverUri=" + serverUri + ", version=" + version.label() + ", clientId=" + clientId
                + ", username=" + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-")
                + ", caFile=" + caFile.map(Path::toString).orElse("-") + ", keepAlive=" + keepAlive
                + ", reconnect=" + reconnectMin + ".." + reconnectMax + "]";
    }
}
