package dev.outpost.gateway.link.serial;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts jSerialComm's native library in a directory we choose, instead of letting jSerialComm extract it into
 * {@code java.io.tmpdir}, which hardened hosts mount {@code noexec} (the library then fails to load).
 *
 * <p>We copy this OS's native libraries out of the jSerialComm jar into
 * {@code <directory>/jSerialComm-<version>/<OS>/<arch>/} and point the system property
 * {@value #LIBRARY_PATH_PROPERTY} at that tree; jSerialComm then picks its architecture from there and extracts
 * nothing. The property is JVM-global and read once, when the {@code SerialPort} class initialises, so:
 * call {@link #install} once at the composition edge, before anything touches jSerialComm. An operator's own
 * {@code -DjSerialComm.library.path=...} wins and is left alone. We do not set {@code java.io.tmpdir} (the
 * other documented knob) because every library in the JVM reads that one.
 */
public final class JSerialCommNative {
    public static final String LIBRARY_PATH_PROPERTY = "jSerialComm.library.path";
    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommNative.class);
    private static final String MARKER_CLASS = "com/fazecast/jSerialComm/SerialPort.class";

    private static JSerialCommNative installed;
    private static Path installedFrom;

    private final Path libraryPath;

    private JSerialCommNative(Path libraryPath) {
        this.libraryPath = libraryPath;
    }

    /**
     * Extracts the native library under {@code directory} (created if missing; it must allow executing mapped
     * files) and sets {@value #LIBRARY_PATH_PROPERTY}. Idempotent for the same directory.
     *
     * @throws IllegalStateException if already installed from another directory (the library loads once per JVM)
     */
    public static synchronized JSerialCommNative install(Path directory) throws IOException {
        Path requested = directory.toAbsolutePath().normalize();
        if (installed != null) {
            if (!requested.equals(installedFrom)) {
                throw new IllegalStateException("jSerialComm's native library is already set up from " + installedFrom
                        + "; it loads once per JVM, so " + requested + " cannot be used as well");
            }
            return installed;
        }
        String preset = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (preset != null && !preset.isBlank()) {
            LOG.info("jSerialComm native library: using -D{}={} as given", LIBRARY_PATH_PROPERTY, preset);
            installed = new JSerialCommNative(Path.of(preset));
        } else {
            Path tree = extract(requested);
            System.setProperty(LIBRARY_PATH_PROPERTY, tree.toString());
            LOG.info("jSerialComm native library extracted under {}", tree);
            installed = new JSerialCommNative(tree);
        }
        installedFrom = requested;
        return installed;
    }

    /** The directory jSerialComm loads its native library from. */
    public Path libraryPath() {
        return libraryPath;
    }

    private static Path extract(Path directory) throws IOException {
        URL marker = JSerialCommNative.class.getClassLoader().getResource(MARKER_CLASS);
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            throw new IOException("cannot find the jSerialComm jar to extract its native library from (found "
                    + marker + "); set -D" + LIBRARY_PATH_PROPERTY + " to a pre-extracted copy instead");
        }
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String version = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            String osDirectory = osDirectory(System.getProperty("os.name", ""));
            Path tree = directory.resolve("jSerialComm-" + (version == null ? "unknown" : version));
            int copied = 0;
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(osDirectory + "/")) {
                    copy(jar, entry, tree.resolve(entry.getName()).normalize(), tree);
                    copied++;
                }
            }
            if (copied == 0) {
                throw new IOException("the jSerialComm jar has no native library for " + osDirectory);
            }
            return tree;
        }
    }

    private static void copy(JarFile jar, JarEntry entry, Path target, Path tree) throws IOException {
        if (!target.startsWith(tree)) {
            throw new IOException("refusing jar entry outside the target tree: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        // Write beside the target and move over it, so that another gateway loading the library never maps
        // a half-written file.
        Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The top-level directory of the jSerialComm jar that holds this OS's libraries. */
    static String osDirectory(String osName) throws IOException {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return "Linux";
        } else if (os.contains("mac") || os.contains("darwin")) {
            return "OSX";
        } else if (os.contains("win")) {
            return "Windows";
        } else if (os.contains("freebsd")) {
            return "FreeBSD";
        } else if (os.contains("openbsd")) {
            return "OpenBSD";
        } else if (os.contains("sunos") || os.contains("solaris")) {
            return "Solaris";
        }
        throw new IOException("jSerialComm has no native library for the operating system '" + osName + "'");
    }
}
