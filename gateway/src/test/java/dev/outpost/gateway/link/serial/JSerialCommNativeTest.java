package dev.outpost.gateway.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native library lands where we say, and only once per JVM. */
class JSerialCommNativeTest {

    @Test
    void extractsThisOperatingSystemsLibrariesAndPointsJSerialCommAtThem() throws IOException {
        JSerialCommNative installed = TestNativeLibrary.installed();
        Path tree = installed.libraryPath();
        assertTrue(tree.startsWith(TestNativeLibrary.DIRECTORY), tree.toString());
        assertEquals(tree.toString(), System.getProperty(JSerialCommNative.LIBRARY_PATH_PROPERTY));
        String os = JSerialCommNative.osDirectory(System.getProperty("os.name"));
        try (var files = Files.walk(tree.resolve(os))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().contains("jSerialComm")), "a native library");
        }
        assertSame(installed, JSerialCommNative.install(TestNativeLibrary.DIRECTORY));
    }

    @Test
    void aSecondDirectoryIsRefused(@TempDir Path elsewhere) {
        TestNativeLibrary.installed();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JSerialCommNative.install(elsewhere));
        assertTrue(e.getMessage().contains("loads once per JVM"), e.getMessage());
    }

    @Test
    void knowsTheJarsOperatingSystemDirectories() throws IOException {
        assertEquals("Linux", JSerialCommNative.osDirectory("Linux"));
        assertEquals("OSX", JSerialCommNative.osDirectory("Mac OS X"));
        assertEquals("Windows", JSerialCommNative.osDirectory("Windows 11"));
        assertThrows(IOException.class, () -> JSerialCommNative.osDirectory("Plan 9"));
    }
}
