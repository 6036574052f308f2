package dev.outpost.config;

import dev.outpost.config.yaml.Mark;
import dev.outpost.config.yaml.YamlNode;
import dev.outpost.config.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loads the gateway's YAML config into an {@link OutpostConfig}, reporting every problem at once
 * with its line and column. Paths in the config are resolved against the config file's directory,
 * and the files they name (units, secrets, TLS material) must exist.
 */
public final class ConfigLoader {
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ConfigLoader() {
    }

    public static LoadResult load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String reason = e instanceof CharacterCodingException ? "it is not valid UTF-8"
                    : Files.exists(file) ? e.getClass().getSimpleName() : "no such file";
            Problem unreadable = Problem.error(file, 0, 0, "cannot read config file: " + reason, null);
            return new LoadResult(Optional.empty(), List.of(unreadable), Optional.empty());
        }
        return parse(file, text);
    }

    /** Binds config text as if it had been read from {@code file} (which anchors relative paths). */
    public static LoadResult parse(Path file, String text) {
        LoadContext context = new LoadContext(file);
        YamlTreeReader.Result tree = YamlTreeReader.read(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
        tree.issues().forEach(issue -> context.error(issue.mark(), issue.message(), issue.hint()));
        if (tree.root().isEmpty()) {
            if (tree.issues().isEmpty()) {
                context.error(Mark.START, "config file is empty", "see examples/gateway.yaml for a starting point");
            }
            return result(context, Optional.empty(), Optional.empty());
        }
        if (!(tree.root().get() instanceof YamlNode.MapNode map)) {
            context.error(tree.root().get().mark(), "the config must be a mapping of sections, not "
                    + tree.root().get().describe(), "start with 'gateway:', 'mqtt:', 'units:' and so on");
            return result(context, Optional.empty(), Optional.empty());
        }
        return bind(context, new MapReader(map, "", Mark.START, context));
    }

    private static LoadResult bind(LoadContext context, MapReader root) {
        Optional<GatewaySettings> gateway = SectionBinders.gateway(root);
        Optional<MqttSettings> mqtt = MqttBinder.bind(root, gateway.map(GatewaySettings::id));
        Optional<UnitsSettings> units = SectionBinders.units(root);
        LinksBinder.Links links = LinksBinder.bind(root);
        if (links.declaredIds().isEmpty()) {
            context.warning(root.markOf("links"), "no links are configured", "musters will reach no unit; "
                    + "add an entry under 'links'");
        }
        MusterDefaults muster = SectionBinders.muster(root, links.declaredIds());
        StorageSettings storage = StorageBinder.bind(root);
        ReadinessSettings readiness = SectionBinders.readiness(root);
        List<ScheduleSettings> schedules = ScheduleBinder.bind(root);
        GroupSettings groups = GroupsBinder.bind(root);
        LogSettings log = SectionBinders.log(root);
        HttpSettings http = HttpBinder.bind(root);
        TimingSettings timing = SectionBinders.timing(root);
        root.finish();
        Optional<OutpostConfig> config = Optional.empty();
        if (context.errorCount() == 0 && gateway.isPresent() && mqtt.isPresent() && units.isPresent()) {
            config = Optional.of(new OutpostConfig(context.file(), gateway.get(), mqtt.get(), units.get(),
                    links.settings(), muster, storage, readiness, schedules, groups, log, http, timing));
        }
        return result(context, config, units.map(UnitsSettings::file));
    }

    private static LoadResult result(LoadContext context, Optional<OutpostConfig> config, Optional<Path> units) {
        List<Problem> sorted = context.problems().stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
        return new LoadResult(config, sorted, units);
    }
}
