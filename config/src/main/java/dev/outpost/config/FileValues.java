package dev.outpost.config;

import dev.outpost.config.yaml.Mark;
import dev.outpost.config.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** File paths and secret references read through a {@link MapReader}. */
final class FileValues {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FileValues() {
    }

    /**
     * A path resolved against the config file's directory. A file that does not exist or cannot
     * be read is reported (the path is still returned, so later checks can name it).
     */
    static Optional<Path> existingFile(MapReader r, String key) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Path path = r.context().resolve(scalar.get().text());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            String problem = Files.exists(path) ? "is not a readable file" : "does not exist";
            r.context().error(scalar.get().mark(), "'" + key + "': " + scalar.get().text() + " " + problem,
                    "resolved to " + path + "; relative paths start at the config file's directory");
        }
        return Optional.of(path);
    }

    /**
     * A secret given as {@code <base>_file} or {@code <base>_env} (exactly one). An inline
     * {@code <base>:} is refused so secrets never sit in the config file.
     */
    static Optional<SecretRef> secret(MapReader r, String base, boolean required) {
        String fileKey = base + "_file";
        String envKey = base + "_env";
        r.forbidden(base).ifPresent(mark -> r.context().error(mark,
                "inline secret '" + base + "' is not allowed",
                "put it in a file and use " + fileKey + ", or use " + envKey));
        boolean hasFile = r.has(fileKey);
        boolean hasEnv = r.has(envKey);
        if (hasFile && hasEnv) {
            Mark later = later(r.markOf(fileKey), r.markOf(envKey));
            r.context().error(later, "'" + fileKey + "' and '" + envKey + "' are exclusive", "keep only one");
            return Optional.empty();
        }
        if (hasFile) {
            return existingFile(r, fileKey).map(SecretRef::file);
        }
        if (hasEnv) {
            return Values.matching(r, envKey, ENV_NAME, "use an environment variable name such as OUTPOST_TOKEN")
                    .map(SecretRef::env);
        }
        if (required && r.forbidden(base).isEmpty()) {
            r.context().error(r.markOf(fileKey), "missing '" + fileKey + "' or '" + envKey + "'"
                    + (r.path().isEmpty() ? "" : " in '" + r.path() + "'"), "exactly one of them is required");
        }
        return Optional.empty();
    }

    private static Mark later(Mark a, Mark b) {
        return a.line() > b.line() || (a.line() == b.line() && a.column() > b.column()) ? a : b;
    }
}
