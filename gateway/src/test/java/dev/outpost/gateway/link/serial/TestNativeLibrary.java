package dev.outpost.gateway.link.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * jSerialComm's native library loads once per JVM, so every test uses this one directory (under target/,
 * which is never a noexec mount, unlike some /tmp).
 */
final class TestNativeLibrary {
    static final Path DIRECTORY = Path.of("target", "jserialcomm-native").toAbsolutePath();

    private TestNativeLibrary() {
    }

    static JSerialCommNative installed() {
        try {
            return JSerialCommNative.install(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
