package dev.outpost.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a secret (password, token) lives: a file or an environment variable. The config never
 * holds the secret itself, and neither does any {@code toString()}: only {@link #resolve()}
 * returns the value, and its failures name the file or variable, never any content.
 */
public sealed interface SecretRef permits SecretRef.FromFile, SecretRef.FromEnv {

    /** The secret's value, read now; throws {@link SecretUnavailableException} naming the source. */
    String resolve();

    /** A human-readable description of the source, such as {@code file /etc/outpost/mqtt.pass}. */
    String describe();

    static SecretRef file(Path path) {
        return new FromFile(path);
    }

    static SecretRef env(String variable) {
        return new FromEnv(variable, System::getenv);
    }

    /** A secret read from a file; surrounding whitespace (such as a trailing newline) is dropped. */
    record FromFile(Path path) implements SecretRef {
        public FromFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String resolve() {
            String value;
            try {
                value = Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new SecretUnavailableException("cannot read secret " + describe() + ": "
                        + e.getClass().getSimpleName());
            }
            if (value.isEmpty()) {
                throw new SecretUnavailableException("secret " + describe() + " is empty");
            }
            return value;
        }

        @Override
        public String describe() {
            return "file " + path;
        }

        @Override
        public String toString() {
            return "SecretRef[" + describe() + "]";
        }
    }

    /**
     * A secret taken from an environment variable. The lookup function is injectable so tests
     * need not touch the real environment; equality considers only the variable name.
     */
    record FromEnv(String variable, UnaryOperator<String> environment) implements SecretRef {
        public FromEnv {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(environment, "environment");
        }

        @Override
        public String resolve() {
            String value = environment.apply(variable);
            if (value == null || value.isBlank()) {
                throw new SecretUnavailableException("secret " + describe() + " is not set");
            }
            return value.strip();
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FromEnv that && that.variable.equals(variable);
        }

        @Override
        public int hashCode() {
            return variable.hashCode();
        }

        @Override
        public String toString() {
            return "SecretRef[" + describe() + "]";
        }
    }
}
