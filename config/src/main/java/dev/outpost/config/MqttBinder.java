package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds the {@code mqtt:} section: broker URL, protocol version, identity, credentials, TLS, timing. */
final class MqttBinder {
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    private static final Set<String> TLS_SCHEMES = Set.of("ssl", "wss");
    private static final Map<String, MqttVersion> VERSIONS = SectionBinders.byConfigName(MqttVersion.values(),
            MqttVersion::configName);
    private static final Pattern CLIENT_ID = Pattern.compile("[^\\s]{1,128}");
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[^+#/$\\s][^+#\\s]*");
    private static final int PORTABLE_CLIENT_ID_LENGTH = 23;
    private static final Duration LONGEST_KEEPALIVE = Duration.ofSeconds(65_535);

    private MqttBinder() {
    }

    static Optional<MqttSettings> bind(MapReader root, Optional<String> gatewayId) {
        Optional<MapReader> section = root.requiredSection("mqtt");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        MapReader r = section.get();
        int errorsBefore = r.context().errorCount();
        Optional<String> url = r.requiredScalar("url").flatMap(s -> brokerUrl(r, s));
        MqttVersion version = Values.choice(r, "version", VERSIONS).orElse(MqttSettings.DEFAULT_VERSION);
        Optional<String> clientId = Values.matching(r, "client_id", CLIENT_ID, "1-128 characters without spaces")
                .or(() -> gatewayId.map(MqttSettings::defaultClientId));
        clientId.filter(id -> version == MqttVersion.V3_1_1 && id.length() > PORTABLE_CLIENT_ID_LENGTH)
                .ifPresent(id -> r.context().warning(r.markOf("client_id"), "client id '" + id + "' is longer than "
                        + PORTABLE_CLIENT_ID_LENGTH + " characters", "MQTT 3.1.1 brokers may refuse it; set a "
                        + "shorter client_id"));
        String topicPrefix = Values.matching(r, "topic_prefix", TOPIC_PREFIX, "no '+' or '#', no leading '$', "
                + "no leading or trailing '/'").filter(p -> checkLevels(r, p))
                .orElse(MqttSettings.DEFAULT_TOPIC_PREFIX);
        String username = r.string("username").orElse(null);
        Optional<SecretRef> password = FileValues.secret(r, "password", false);
        if (password.isPresent() && username == null && version == MqttVersion.V3_1_1) {
            r.context().error(r.markOf(passwordKey(r)),
                    "MQTT 3.1.1 does not allow a password without a username", "set 'username' or use version 5");
        }
        Optional<TlsSettings> tls = r.section("tls").map(MqttBinder::tls);
        url.filter(u -> tls.isPresent() && !TLS_SCHEMES.contains(URI.create(u).getScheme()))
                .ifPresent(u -> r.context().error(r.markOf("tls"), "'tls' is set but the url " + u
                        + " does not use TLS", "use an ssl:// (or wss://) url"));
        Duration keepalive = Values.duration(r, "keepalive", MqttSettings.DEFAULT_KEEPALIVE, Duration.ZERO,
                LONGEST_KEEPALIVE);
        if (keepalive.toMillis() % 1000 != 0) {
            r.context().error(r.markOf("keepalive"), "'keepalive' must be whole seconds", "MQTT counts it in seconds");
        }
        Backoff reconnect = Backoff.read(r, new Backoff(MqttSettings.DEFAULT_RECONNECT_MIN,
                MqttSettings.DEFAULT_RECONNECT_MAX));
        r.finish();
        if (r.context().errorCount() != errorsBefore || url.isEmpty() || clientId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MqttSettings(url.get(), version, clientId.get(), topicPrefix, username, password,
                tls, keepalive, reconnect.min(), reconnect.max()));
    }

    private static String passwordKey(MapReader r) {
        return r.has("password_file") ? "password_file" : "password_env";
    }

    private static boolean checkLevels(MapReader r, String prefix) {
        if (prefix.endsWith("/") || prefix.contains("//")) {
            r.context().error(r.markOf("topic_prefix"), "'topic_prefix' " + prefix + " has an empty topic level",
                    "no trailing '/' and no '//'");
            return false;
        }
        return true;
    }

    private static Optional<String> brokerUrl(MapReader r, YamlNode.Scalar scalar) {
        String text = scalar.text();
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && SCHEMES.contains(uri.getScheme()) && uri.getHost() != null) {
                return Optional.of(text);
            }
        } catch (URISyntaxException e) {
            // reported below with the accepted forms
        }
        r.context().error(scalar.mark(), "'url' " + text + " is not a broker URL",
                "use tcp://host:1883, ssl://host:8883, ws://host:port/path or wss://host:port/path");
        return Optional.empty();
    }

    private static TlsSettings tls(MapReader r) {
        Optional<Path> ca = FileValues.existingFile(r, "ca_file");
        Optional<Path> cert = FileValues.existingFile(r, "client_cert_file");
        Optional<Path> key = FileValues.existingFile(r, "client_key_file");
        if (cert.isPresent() != key.isPresent()) {
            String missing = cert.isPresent() ? "client_key_file" : "client_cert_file";
            r.context().error(r.markOf(cert.isPresent() ? "client_cert_file" : "client_key_file"),
                    "'" + missing + "' is missing", "a client certificate needs its key, and a key its certificate");
        }
        r.finish();
        return new TlsSettings(ca, cert, key);
    }
}
