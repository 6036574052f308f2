package dev.outpost.gateway.app;

import dev.outpost.config.OutpostConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the gateway keeps its journal when the config does not say: systemd's {@code $STATE_DIRECTORY} (set by
 * {@code StateDirectory=} in the unit), else the XDG state home, per gateway id so two gateways never share a file.
 */
final class StateDirectory {
    private StateDirectory() {
    }

    static Path of(OutpostConfig config, Map<String, String> env) {
        if (config.storage().stateDir().isPresent()) {
            return config.storage().stateDir().get();
        }
        String systemd = env.get("STATE_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) {
            // systemd passes several directories separated by ':' when the unit names several; ours is the first.
            return Path.of(systemd.split(":")[0]);
        }
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("outpost").resolve(config.gateway().id());
    }

    static Path nativeLibDir(OutpostConfig config, Path stateDir) {
        return config.storage().nativeLibDir().orElse(stateDir.resolve("native"));
    }
}
