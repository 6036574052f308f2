package dev.outpost.simulator.config;

import dev.outpost.simulator.SerialRadios;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.fleetsync.FleetSyncRadioOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Turns the parsed YAML into options: fills defaults, resolves paths and reads the token. */
final class SimConfigResolver {
    private SimConfigResolver() {
    }

    static SimConfig resolve(Path file, SimConfigFile in, UnaryOperator<String> env) throws SimConfigException {
        SimulatorOptions d = SimulatorOptions.defaults();
        Path base = file.toAbsolutePath().getParent();
        SimConfigFile.Hxt hxt = in.hxt();
        long seed = in.seed() != null ? in.seed() : d.seed();
        BehaviourOptions behaviour = in.behaviour() != null ? in.behaviour().toOptions() : d.behaviour();
        SimulatorOptions options = new SimulatorOptions(
                or(hxt.host(), d.host()),
                or(hxt.port(), d.port()),
                or(hxt.path(), d.path()),
                token(file, base, hxt, env),
                or(hxt.pingInterval(), d.pingInterval()),
                or(hxt.missedPings(), d.missedPingsToDrop()),
                or(hxt.dropEvery(), d.dropEvery()),
                seed,
                behaviour,
                in.groundTruth() == null || in.groundTruth().file() == null ? null
                        : base.resolve(in.groundTruth().file()),
                in.groundTruth() == null ? d.groundTruthMaxEntries()
                        : or(in.groundTruth().maxEntries(), d.groundTruthMaxEntries()),
                in.background() == null ? d.backgroundInterval()
                        : or(in.background().locationInterval(), d.backgroundInterval()),
                in.dmr() == null ? null : DmrConfigResolver.resolve(file, base, in.dmr()),
                radios(in, base));
        SimConfig.UnitSource units = in.units().file() != null
                ? new SimConfig.UnitSource.FromFile(base.resolve(in.units().file()))
                : new SimConfig.UnitSource.Generated(
                        or(in.units().generate().seed(), seed),
                        or(in.units().generate().count(), TianheRegistryGenerator.TIANHE_UNITS));
        return new SimConfig(options, units);
    }

    private static String token(Path file, Path base, SimConfigFile.Hxt hxt, UnaryOperator<String> env)
            throws SimConfigException {
        String token;
        if (hxt.token() != null) {
            token = hxt.token();
        } else if (hxt.tokenEnv() != null) {
            token = env.apply(hxt.tokenEnv());
            if (token == null) {
                throw SimConfigLoader.problem(file, "hxt.token_env: environment variable " + hxt.tokenEnv()
                        + " is not set", null);
            }
        } else {
            Path tokenFile = base.resolve(hxt.tokenFile());
            try {
                token = SimConfigLoader.readTokenFile(tokenFile);
            } catch (IOException e) {
                throw SimConfigLoader.problem(file, "hxt.token_file: cannot read " + tokenFile, null);
            }
        }
        if (token.isBlank()) {
            throw SimConfigLoader.problem(file, "hxt: the token is empty", null);
        }
        return token;
    }

    private static SerialRadios radios(SimConfigFile in, Path base) {
        UnaryOperator<Path> resolve = base::resolve;
        List<PeiRadioOptions> pei = in.peiRadios() == null ? List.of()
                : in.peiRadios().stream().map(r -> r.toOptions(resolve)).toList();
        List<FleetSyncRadioOptions> fleetSync = in.fleetsyncRadios() == null ? List.of()
                : in.fleetsyncRadios().stream().map(r -> r.toOptions(resolve)).toList();
        return new SerialRadios(pei, fleetSync);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
