package dev.outpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRefTest {

    @Test
    void fileSecretIsReadAndTrimmed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "s3cret-value\n");

        SecretRef ref = SecretRef.file(file);

        assertEquals("s3cret-value", ref.resolve());
        assertFalse(ref.toString().contains("s3cret"), ref.toString());
        assertEquals("SecretRef[file " + file + "]", ref.toString());
    }

    @Test
    void missingOrEmptyFileNamesTheFileButNoContent(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("absent");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        SecretUnavailableException absent = assertThrows(SecretUnavailableException.class,
                () -> SecretRef.file(missing).resolve());
        SecretUnavailableException blank = assertThrows(SecretUnavailableException.class,
                () -> SecretRef.file(empty).resolve());

        assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());
        assertEquals("secret file " + empty + " is empty", blank.getMessage());
    }

    @Test
    void envSecretUsesTheInjectedEnvironment() {
        SecretRef set = new SecretRef.FromEnv("HXT_TOKEN", Map.of("HXT_TOKEN", "t0ken")::get);
        SecretRef unset = new SecretRef.FromEnv("OTHER", Map.<String, String>of()::get);

        assertEquals("t0ken", set.resolve());
        assertEquals("SecretRef[environment variable HXT_TOKEN]", set.toString());
        assertFalse(set.toString().contains("t0ken"));
        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, unset::resolve);
        assertEquals("secret environment variable OTHER is not set", e.getMessage());
    }

    @Test
    void envSecretsAreEqualByVariableName() {
        assertEquals(SecretRef.env("A"), new SecretRef.FromEnv("A", name -> "x"));
        assertEquals(SecretRef.env("A").hashCode(), new SecretRef.FromEnv("A", name -> "x").hashCode());
    }
}
