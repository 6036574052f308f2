package dev.outpost.simulator.config;

import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import java.time.Duration;
import java.util.List;

/**
 * The YAML shape of a simulator config (examples/sim.yaml). Absent keys are null and take the
 * defaults of {@code SimulatorOptions.defaults()}. Rules that involve one section are checked in
 * its constructor, so a violation is reported with the section's position in the file.
 */
record SimConfigFile(Long seed, Hxt hxt, Units units, Behaviour behaviour, GroundTruthSection groundTruth,
        Background background, SimDmrSection dmr, List<SimConfigRadios.PeiRadio> peiRadios,
        List<SimConfigRadios.FleetSyncRadio> fleetsyncRadios) {

    SimConfigFile {
        if (hxt == null || units == null) {
            throw new IllegalArgumentException("the config needs sections 'hxt' and 'units'");
        }
    }

    /**
     * The PoC endpoint. Exactly one token source: {@code token_file}, {@code token_env} or, for the
     * simulator only, a literal {@code token}: it guards a fake network on loopback in demos and
     * tests, so keeping it readable in the file is more useful than hiding it.
     */
    record Hxt(String host, Integer port, String path, String token, String tokenFile, String tokenEnv,
            Duration pingInterval, Integer missedPings, Duration dropEvery) {
        Hxt {
            int sources = (token != null ? 1 : 0) + (tokenFile != null ? 1 : 0) + (tokenEnv != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException("hxt needs exactly one of token, token_file, token_env");
            }
            if (port != null && (port < 0 || port > 65_535)) {
                throw new IllegalArgumentException("hxt.port must be 0..65535 (0 = any free port)");
            }
            if (path != null && !path.startsWith("/")) {
                throw new IllegalArgumentException("hxt.path must start with '/'");
            }
            if (pingInterval != null && pingInterval.isZero()) {
                throw new IllegalArgumentException("hxt.ping_interval must be positive");
            }
            if (missedPings != null && missedPings < 1) {
                throw new IllegalArgumentException("hxt.missed_pings must be at least 1");
            }
        }
    }

    /** Where the units come from: a registry CSV, or the Tianhe-like generator. */
    record Units(String file, Generate generate) {
        Units {
            if ((file == null) == (generate == null)) {
                throw new IllegalArgumentException("units needs exactly one of file, generate");
            }
        }
    }

    record Generate(Long seed, Integer count) {
        Generate {
            if (count != null && count < 1) {
                throw new IllegalArgumentException("units.generate.count must be at least 1");
            }
        }
    }

    record Behaviour(Double onlineFraction, Double neverAnswerFraction, Double lateFraction, Duration lateDelay,
            Delay auto, Delay confirm) {
        Behaviour {
            // Validate now, while Jackson still knows the position (a compact constructor sees
            // its parameters, not yet its fields, hence the static form).
            build(onlineFraction, neverAnswerFraction, lateFraction, lateDelay, auto, confirm);
        }

        BehaviourOptions toOptions() {
            return build(onlineFraction, neverAnswerFraction, lateFraction, lateDelay, auto, confirm);
        }

        private static BehaviourOptions build(Double onlineFraction, Double neverAnswerFraction, Double lateFraction,
                Duration lateDelay, Delay auto, Delay confirm) {
            BehaviourOptions d = BehaviourOptions.defaults();
            return new BehaviourOptions(
                    onlineFraction != null ? onlineFraction : d.onlineFraction(),
                    neverAnswerFraction != null ? neverAnswerFraction : d.neverAnswerFraction(),
                    lateFraction != null ? lateFraction : d.lateFraction(),
                    lateDelay != null ? lateDelay : d.lateDelay(),
                    auto != null ? auto.toDistribution() : d.auto(),
                    confirm != null ? confirm.toDistribution() : d.confirm());
        }
    }

    /** One delay distribution; only the keys of the chosen {@code distribution} may be given. */
    record Delay(String distribution, Duration mean, Duration sd, Duration min, Duration median, Double sigma,
            Duration max, Duration delay) {
        private static final Duration DEFAULT_LOGNORMAL_MAX = Duration.ofSeconds(60);

        Delay {
            build(distribution, mean, sd, min, median, sigma, max, delay); // validate while the position is known
        }

        DelayDistribution toDistribution() {
            return build(distribution, mean, sd, min, median, sigma, max, delay);
        }

        private static DelayDistribution build(String distribution, Duration mean, Duration sd, Duration min,
                Duration median, Double sigma, Duration max, Duration delay) {
            if (distribution == null) {
                throw new IllegalArgumentException("delay needs 'distribution': normal, lognormal or fixed");
            }
            return switch (distribution) {
                case "normal" -> {
                    only("normal", median == null && sigma == null && max == null && delay == null);
                    yield new DelayDistribution.Normal(need(mean, "mean"), need(sd, "sd"), min != null ? min : Duration.ZERO);
                }
                case "lognormal" -> {
                    only("lognormal", mean == null && sd == null && min == null && delay == null);
                    yield new DelayDistribution.LogNormal(need(median, "median"), need(sigma, "sigma"),
                            max != null ? max : DEFAULT_LOGNORMAL_MAX);
                }
                case "fixed" -> {
                    only("fixed", mean == null && sd == null && min == null && median == null && sigma == null
                            && max == null);
                    yield new DelayDistribution.Fixed(need(delay, "delay"));
                }
                default -> throw new IllegalArgumentException(
                        "unknown distribution '" + distribution + "' (normal, lognormal or fixed)");
            };
        }

        private static void only(String kind, boolean onlyItsKeys) {
            if (!onlyItsKeys) {
                throw new IllegalArgumentException("a " + kind + " delay takes only its own keys "
                        + "(normal: mean, sd, min; lognormal: median, sigma, max; fixed: delay)");
            }
        }

        private static <T> T need(T value, String key) {
            if (value == null) {
                throw new IllegalArgumentException("delay is missing '" + key + "'");
            }
            return value;
        }
    }

    record GroundTruthSection(String file, Integer maxEntries) {
        GroundTruthSection {
            if (maxEntries != null && maxEntries < 0) {
                throw new IllegalArgumentException("ground_truth.max_entries must not be negative");
            }
        }
    }

    record Background(Duration locationInterval) {
    }
}
