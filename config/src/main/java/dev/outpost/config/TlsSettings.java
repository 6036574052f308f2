package dev.outpost.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS material for the broker connection. An absent CA file means the JVM's default trust store;
 * the client certificate and key are given together or not at all.
 */
public record TlsSettings(Optional<Path> caFile, Optional<Path> clientCertFile, Optional<Path> clientKeyFile) {
}
