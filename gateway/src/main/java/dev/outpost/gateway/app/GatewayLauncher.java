package dev.outpost.gateway.app;

import dev.outpost.config.OutpostConfig;
import dev.outpost.config.CheckResult;
import dev.outpost.config.ConfigChecker;
import dev.outpost.gateway.time.GatewayClock;
import java.nio.file.Path;

/** Starts a gateway from a config file exactly as {@code outpost run} does: check everything first, then build. */
public final class GatewayLauncher {
    private GatewayLauncher() {
    }

    /** Thrown when the config or its registry has errors; the message lists every problem. */
    public static final class InvalidConfig extends Exception {
        private final CheckResult result;

        InvalidConfig(CheckResult result) {
            super(result.report());
            this.result = result;
        }

        public CheckResult result() {
            return result;
        }
    }

    /** Where this config's journal is (the state directory's {@code journal.db}), as {@code outpost run} finds it. */
    public static Path journalFile(OutpostConfig config) {
        return StateDirectory.of(config, System.getenv()).resolve("journal.db");
    }

    /** Where this config extracts SQLite's native library. */
    public static Path nativeLibDir(OutpostConfig config) {
        return StateDirectory.nativeLibDir(config, StateDirectory.of(config, System.getenv()));
    }

    public static CheckResult check(Path config) {
        return ConfigChecker.check(config);
    }

    public static GatewayApp start(CheckResult checked, GatewayClock clock, String version)
            throws InvalidConfig, GatewayStartException {
        if (!checked.isOk()) {
            throw new InvalidConfig(checked);
        }
        return GatewayApp.start(checked.config().orElseThrow(), checked.registry().orElseThrow(), clock, version);
    }

    public static GatewayApp start(Path config, GatewayClock clock, String version)
            throws InvalidConfig, GatewayStartException {
        return start(check(config), clock, version);
    }
}
