package dev.outpost.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Headless Chromium for browser tests: finds it (tests skip where it is not installed; {@code .ci/run} installs it),
 * runs it once per page with a profile of its own in the test's directory, and kills whatever it left behind.
 */
public final class HeadlessChromium {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Path binary;
    private final Path dir;

    private HeadlessChromium(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
    }

    /** Chromium working in {@code dir}, or empty when it is not installed. */
    public static Optional<HeadlessChromium> find(Path dir) {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(new HeadlessChromium(Path.of(candidate), dir));
            }
        }
        return Optional.empty();
    }

    /** The DOM after the page's scripts ran ({@code --dump-dom}). */
    public String dumpDom(String url) throws Exception {
        return run("dom", List.of("--dump-dom", url));
    }

    /** A PNG of the page at this window size, e.g. "1280,1600". */
    public BufferedImage screenshot(String url, String windowSize, Path png) throws Exception {
        run("shot", List.of("--window-size=" + windowSize, "--hide-scrollbars", "--screenshot=" + png, url));
        return ImageIO.read(png.toFile());
    }

    /** Runs Chromium once with its own profile directory; returns what it printed, after at most 60 s. */
    private String run(String name, List<String> args) throws Exception {
        Path work = Files.createTempDirectory(dir, name + "-");
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createDirectories(work.resolve("profile")));
        command.addAll(args);
        File out = work.resolve("stdout").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out)
                .redirectError(work.resolve("stderr").toFile()).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium finished within 60 s");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    }

    /** How many times {@code needle} occurs in {@code text}, without overlaps. */
    public static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** How many pixels have exactly this colour (0xRRGGBB). */
    public static long pixelsOf(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
