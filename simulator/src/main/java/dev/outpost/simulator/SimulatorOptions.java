package dev.outpost.simulator;

import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.dmr.DmrSimOptions;
import dev.outpost.simulator.truth.GroundTruth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the simulator needs besides the units.
 *
 * @param host              listen address (loopback by default)
 * @param port              listen port; 0 picks a free one (see {@code RunningSimulator.hxtUri()})
 * @param path              WebSocket path of the hxt endpoint
 * @param token             the logon token clients must present
 * @param pingInterval      how often the server sends {@code ping} events
 * @param missedPingsToDrop unanswered pings in a row after which a client is dropped
 * @param dropEvery         fault knob: drop every client socket this often; zero = never
 * @param seed              seed of the unit behaviour model
 * @param behaviour         behaviour fractions and delay distributions
 * @param groundTruthFile   JSON Lines file for the ground truth, or null for memory only
 * @param groundTruthMaxEntries bound on ground-truth entries kept in memory
 * @param backgroundInterval how often one online unit emits background traffic; zero = none
 * @param dmr               the DMR world (base stations, simulated master), or null for none; its seed and
 *                          behaviour are taken from {@code seed} and {@code behaviour} at start
 * @param radios            simulated serial radios (TETRA PEI, FleetSync) to start as well; none by default
 */
public record SimulatorOptions(
        String host,
        int port,
        String path,
        String token,
        Duration pingInterval,
        int missedPingsToDrop,
        Duration dropEvery,
        long seed,
        BehaviourOptions behaviour,
        Path groundTruthFile,
        int groundTruthMaxEntries,
        Duration backgroundInterval,
        DmrSimOptions dmr,
        SerialRadios radios) {

    public static final String DEFAULT_PATH = "/hxt/v1";

    /** Without a DMR world or serial radios (the form before they existed). */
    public SimulatorOptions(String host, int port, String path, String token, Duration pingInterval,
            int missedPingsToDrop, Duration dropEvery, long seed, BehaviourOptions behaviour, Path groundTruthFile,
            int groundTruthMaxEntries, Duration backgroundInterval) {
        this(host, port, path, token, pingInterval, missedPingsToDrop, dropEvery, seed, behaviour, groundTruthFile,
                groundTruthMaxEntries, backgroundInterval, null, SerialRadios.none());
    }

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(radios, "radios");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got " + path);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        requirePositive(pingInterval, "ping interval");
        if (missedPingsToDrop < 1) {
            throw new IllegalArgumentException("missed pings to drop must be >= 1");
        }
        requireNonNegative(dropEvery, "drop interval");
        requireNonNegative(backgroundInterval, "background interval");
        if (groundTruthMaxEntries < 0) {
            throw new IllegalArgumentException("ground-truth max entries must be >= 0");
        }
    }

    /** Loopback, ephemeral port, 30 s pings, realistic behaviour, ground truth in memory only. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, DEFAULT_PATH, "sim-token", Duration.ofSeconds(30), 2,
                Duration.ZERO, 1L, BehaviourOptions.defaults(), null, GroundTruth.DEFAULT_MAX_ENTRIES, Duration.ZERO);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(host, newPort, path, token, pingInterval, missedPingsToDrop, dropEvery, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, dmr, radios);
    }

    public SimulatorOptions withToken(String newToken) {
        return new SimulatorOptions(host, port, path, newToken, pingInterval, missedPingsToDrop, dropEvery, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, dmr, radios);
    }

    public SimulatorOptions withPings(Duration interval, int missedToDrop) {
        return new SimulatorOptions(host, port, path, token, interval, missedToDrop, dropEvery, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, dmr, radios);
    }

    public SimulatorOptions withDropEvery(Duration interval) {
        return new SimulatorOptions(host, port, path, token, pingInterval, missedPingsToDrop, interval, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, dmr, radios);
    }

    public SimulatorOptions withBehaviour(long newSeed, BehaviourOptions newBehaviour) {
        return new SimulatorOptions(host, port, path, token, pingInterval, missedPingsToDrop, dropEvery, newSeed,
                newBehaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, dmr, radios);
    }

    public SimulatorOptions withGroundTruthFile(Path file) {
        return new SimulatorOptions(host, port, path, token, pingInterval, missedPingsToDrop, dropEvery, seed,
                behaviour, file, groundTruthMaxEntries, backgroundInterval, dmr, radios);
    }

    public SimulatorOptions withBackgroundInterval(Duration interval) {
        return new SimulatorOptions(host, port, path, token, pingInterval, missedPingsToDrop, dropEvery, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, interval, dmr, radios);
    }

    /** Also runs the DMR world (null = none). */
    public SimulatorOptions withDmr(DmrSimOptions newDmr) {
        return new SimulatorOptions(host, port, path, token, pingInterval, missedPingsToDrop, dropEvery, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, newDmr, radios);
    }

    public SimulatorOptions withRadios(SerialRadios newRadios) {
        return new SimulatorOptions(host, port, path, token, pingInterval, missedPingsToDrop, dropEvery, seed,
                behaviour, groundTruthFile, groundTruthMaxEntries, backgroundInterval, dmr, newRadios);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SimulatorOptions[host=" + host + ", port=" + port + ", path=" + path + ", token=***, pingInterval="
                + pingInterval + ", missedPingsToDrop=" + missedPingsToDrop + ", dropEvery=" + dropEvery + ", seed="
                + seed + ", behaviour=" + behaviour + ", groundTruthFile=" + groundTruthFile
                + ", groundTruthMaxEntries=" + groundTruthMaxEntries + ", backgroundInterval=" + backgroundInterval
                + ", dmr=" + dmr + ", radios=" + radios + "]";
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    private static void requireNonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }
}
