package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.HbpMasterLinkSettings;
import dev.outpost.config.HbpPeerLinkSettings;
import dev.outpost.config.HxtLinkSettings;
import dev.outpost.config.FleetSyncLinkSettings;
import dev.outpost.config.LinkSettings;
import dev.outpost.config.PeiLinkSettings;
import dev.outpost.config.SerialPortSettings;
import dev.outpost.config.MqttSettings;
import dev.outpost.config.MqttVersion;
import dev.outpost.config.OutpostConfig;
import dev.outpost.gateway.schedule.MusterSchedules;
import dev.outpost.gateway.schedule.ScheduleJson;
import dev.outpost.config.TlsSettings;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.TalkgroupVoiceLink;
import dev.outpost.gateway.link.hbp.DmrSlot;
import dev.outpost.gateway.link.hbp.HbpMasterLink;
import dev.outpost.gateway.link.hbp.HbpMasterOptions;
import dev.outpost.gateway.link.hbp.HbpPeerLink;
import dev.outpost.gateway.link.hbp.HbpPeerOptions;
import dev.outpost.gateway.link.hbp.HbpRouteRule;
import dev.outpost.gateway.link.hxt.HxtLink;
import dev.outpost.gateway.link.hxt.HxtLinkOptions;
import dev.outpost.gateway.link.fleetsync.FleetSyncLink;
import dev.outpost.gateway.link.fleetsync.FleetSyncLinkOptions;
import dev.outpost.gateway.link.pei.PeiLink;
import dev.outpost.gateway.link.pei.PeiLinkOptions;
import dev.outpost.gateway.link.serial.FlowControl;
import dev.outpost.gateway.link.serial.Parity;
import dev.outpost.gateway.link.serial.SerialDriverOptions;
import dev.outpost.gateway.link.serial.SerialEndpoint;
import dev.outpost.gateway.link.serial.SerialPortOpener;
import dev.outpost.gateway.link.serial.SerialPorts;
import dev.outpost.gateway.link.serial.SerialSettings;
import dev.outpost.gateway.link.serial.StopBits;
import dev.outpost.gateway.mqtt.client.Backoff;
import dev.outpost.gateway.mqtt.MqttBridgeOptions;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.client.MqttClientOptions;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TimingThreads;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import dev.outpost.protocol.hbp.HbpPeerSessionConfig;
import dev.outpost.protocol.hbp.PeerConfig;
import dev.outpost.protocol.pei.PeiSessionConfig;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/** Maps the config records onto each component's own options. Pure functions; no threads are made here. */
final class Wiring {
    /**
     * Where jSerialComm's native library goes for callers that do not pass the storage native directory: the
     * default state directory's {@code native} (XDG state home). Configure {@code native_lib_dir} to be sure.
     */
    static final Path FALLBACK_NATIVE_DIR = Path.of(System.getProperty("user.home"), ".local", "state", "outpost",
            "native");

    private Wiring() {
    }

    static MqttClientOptions clientOptions(OutpostConfig config) {
        MqttSettings m = config.mqtt();
        MqttProtocolVersion version = m.version() == MqttVersion.V3_1_1 ? MqttProtocolVersion.V3_1_1 : MqttProtocolVersion.V5;
        MqttClientOptions options = MqttClientOptions.defaults(m.url(), version, m.clientId())
                .withReconnect(m.reconnectMin(), m.reconnectMax())
                .withKeepAlive(m.keepalive());
        if (m.username() != null) {
            char[] secret = m.password().map(p -> p.resolve().toCharArray()).orElse(new char[0]);
            options = options.withCredentials(m.username(), secret);
        }
        Optional<Path> ca = m.tls().flatMap(TlsSettings::caFile);
        return ca.isPresent() ? options.withCaFile(ca.get()) : options;
    }

    static MqttBridgeOptions bridgeOptions(OutpostConfig config, String version) {
        return MqttBridgeOptions.defaults(config.mqtt().topicPrefix(), config.gateway().id(), version);
    }

    static Link link(LinkSettings settings, EventLoopGroup network, GatewayClock clock,
                     Supplier<UnitRegistry> registry, LinkListener listener) {
        return link(settings, network, clock, registry, listener, FALLBACK_NATIVE_DIR, TimingThreads.normal());
    }

    /**
     * @param nativeLibDir where jSerialComm's native library goes when a serial link does not say (the storage
     *                     native directory, {@link StateDirectory#nativeLibDir})
     * @param timing       makes a serial link's reader and writer threads (they stamp what the radio says)
     */
    static Link link(LinkSettings settings, EventLoopGroup network, GatewayClock clock,
                     Supplier<UnitRegistry> registry, LinkListener listener, Path nativeLibDir, TimingThreads timing) {
        if (settings instanceof PeiLinkSettings || settings instanceof FleetSyncLinkSettings) {
            return serialLink(settings, network, clock, registry, listener, nativeLibDir, timing);
        }
        if (settings instanceof HxtLinkSettings hxt) {
            HxtLinkOptions options = new HxtLinkOptions(hxt.id(), hxt.url(), hxt.token().resolve(),
                    new Pacing(hxt.callsPerSecond(), hxt.maxBatch(), 0), hxt.keepalive(), hxt.requestTimeout(),
                    hxt.reconnectMin(), hxt.reconnectMax());
            return new HxtLink(options, network, clock, registry, listener);
        }
        if (settings instanceof HbpMasterLinkSettings hbp) {
            return new HbpMasterLink(hbpMasterOptions(hbp), network, clock, registry, listener);
        }
        if (settings instanceof HbpPeerLinkSettings hbp) {
            return new HbpPeerLink(hbpPeerOptions(hbp), network, clock, registry, listener);
        }
        throw new IllegalArgumentException("link type '" + settings.type() + "' is not supported by this build");
    }

    /** A PEI or FleetSync link; its port is opened only when the link starts. */
    static Link serialLink(LinkSettings settings, EventLoopGroup network, GatewayClock clock,
            Supplier<UnitRegistry> registry, LinkListener listener, Path nativeLibDir, TimingThreads timing) {
        SerialPortSettings port = settings instanceof PeiLinkSettings pei ? pei.serial()
                : ((FleetSyncLinkSettings) settings).serial();
        SerialEndpoint endpoint = port.device().<SerialEndpoint>map(SerialEndpoint.LocalPort::new)
                .orElseGet(() -> new SerialEndpoint.TcpDeviceServer(port.tcp().orElseThrow().host(),
                        port.tcp().orElseThrow().port()));
        SerialSettings line = serialSettings(port);
        SerialDriverOptions driver = new SerialDriverOptions(new Backoff(port.reconnectMin(), port.reconnectMax()),
                SerialDriverOptions.defaults().writeQueueSize(), SerialDriverOptions.defaults().closeWait());
        ThreadFactory threads = timing.named("outpost-serial-" + settings.id());
        SerialPortOpener opener;
        try {
            opener = new SerialPorts(clock, threads, network, port.nativeLibDir().orElse(nativeLibDir))
                    .opener(endpoint, line);
        } catch (IOException e) {
            throw new UncheckedIOException("link " + settings.id() + ": cannot put jSerialComm's native library in "
                    + port.nativeLibDir().orElse(nativeLibDir), e);
        }
        if (settings instanceof PeiLinkSettings pei) {
            PeiSessionConfig defaults = PeiSessionConfig.defaults();
            PeiSessionConfig session = new PeiSessionConfig(port.commandTimeout(), defaults.promptTimeout(),
                    defaults.syncTimeout(), defaults.waitForPrompt(), defaults.initCommands());
            PeiLinkOptions options = new PeiLinkOptions(pei.id(), endpoint, line, driver, session,
                    pei.poll() == PeiLinkSettings.PollMode.SDS, pei.pollStatus(), pei.confirmStatus(), pei.statuses());
            return new PeiLink(options, opener, network, clock, registry, listener, threads);
        }
        FleetSyncLinkSettings fs = (FleetSyncLinkSettings) settings;
        return new FleetSyncLink(new FleetSyncLinkOptions(fs.id(), endpoint, line, driver, fs.statuses()), opener,
                clock, registry, listener, threads);
    }

    static SerialSettings serialSettings(SerialPortSettings port) {
        Parity parity = Parity.valueOf(port.parity().toUpperCase(java.util.Locale.ROOT));
        StopBits stop = switch (port.stopBits()) {
            case "1.5" -> StopBits.ONE_POINT_FIVE;
            case "2" -> StopBits.TWO;
            default -> StopBits.ONE;
        };
        FlowControl flow = FlowControl.valueOf(port.flowControl().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        return new SerialSettings(port.baud(), port.dataBits(), parity, stop, flow);
    }

    /** Passphrases are read from their files here, once, at start; they never reach a log. */
    static HbpMasterOptions hbpMasterOptions(HbpMasterLinkSettings s) {
        Map<Long, String> passphrases = new java.util.HashMap<>();
        s.peers().forEach(p -> passphrases.put(p.peerId(), p.passphrase().resolve()));
        List<HbpRouteRule> routes = s.routes().stream().map(r -> new HbpRouteRule(new DmrSlot(r.peerId(), r.slot()),
                r.talkgroup(), new HashSet<>(r.streets()), new HashSet<>(r.units()))).toList();
        return new HbpMasterOptions(s.id(), new InetSocketAddress(s.listen().host(), s.listen().port()),
                s.passphrase().map(p -> p.resolve()), passphrases,
                new HbpMasterSessionConfig(s.pingTimeout(), s.missedPings(), s.loginTimeout()), s.slotsInFlight(),
                s.callRate(), s.dispatcherId(), s.radioId(), s.streamTimeout(), routes, s.defaultVoiceTalkgroup());
    }

    static HbpPeerOptions hbpPeerOptions(HbpPeerLinkSettings s) {
        HbpPeerLinkSettings.Station st = s.station();
        PeerConfig rptc = new PeerConfig(st.callsign(), st.rxFrequencyHz(), st.txFrequencyHz(), st.txPower(),
                st.colourCode(), st.latitude(), st.longitude(), st.heightMetres(), st.location(), st.description(),
                st.slots(), st.url(), "Outpost", "outpost-gateway");
        Duration resend = s.timeout().dividedBy(6).isZero() ? s.timeout() : s.timeout().dividedBy(6);
        HbpPeerSessionConfig session = new HbpPeerSessionConfig(s.peerId(), s.passphrase().resolve(), rptc,
                s.options().orElse(null), resend, s.pingInterval(), s.timeout(), s.reconnectMin());
        return new HbpPeerOptions(s.id(), new InetSocketAddress(s.master().host(), s.master().port()), session,
                s.reconnectMin(), s.reconnectMax(), new HashSet<>(s.talkgroups()), s.allowRadioCheck(), s.radioId(),
                s.slot(), s.streamTimeout(),
                new TalkgroupVoiceLink.TalkgroupVoice(s.dispatcherId(), s.voiceTalkgroup()));
    }

    /** The retained {@code <base>/info} document; {@code schedules} as armed now (see {@link ScheduleJson}). */
    static ObjectNode info(OutpostConfig config, UnitRegistry registry, List<Link> links, String version,
                           List<MusterSchedules.ScheduleView> schedules) {
        ObjectNode info = MqttJson.object();
        info.put("gateway_id", config.gateway().id());
        info.put("version", version);
        info.put("api", MqttBridgeOptions.API_VERSION);
        info.put("config_sha256", configHash(config));
        ArrayNode linkArray = info.putArray("links");
        for (Link link : links) {
            ObjectNode l = linkArray.addObject();
            l.put("id", link.id());
            l.put("type", link.status().type());
            l.put("bearer", link.bearer().wireName());
        }
        Map<Lifecycle, Integer> counts = new EnumMap<>(Lifecycle.class);
        for (Unit u : registry.units()) {
            counts.merge(u.lifecycle(), 1, Integer::sum);
        }
        ObjectNode units = info.putObject("units");
        units.put("total", registry.size());
        for (Lifecycle l : Lifecycle.values()) {
            units.put(l.wireName(), counts.getOrDefault(l, 0));
        }
        ObjectNode muster = info.putObject("muster_defaults");
        muster.put("method", config.muster().method().name().toLowerCase(java.util.Locale.ROOT));
        muster.put("attempt_timeout_ms", config.muster().attemptTimeout().toMillis());
        muster.put("retries", config.muster().retries());
        muster.put("deadline_ms", config.muster().deadline().toMillis());
        muster.put("late_window_ms", config.muster().lateWindow().toMillis());
        info.set("schedules", ScheduleJson.list(schedules));
        return info;
    }

    static String configHash(OutpostConfig config) {
        try {
            byte[] bytes = Files.readAllBytes(config.source());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unavailable";
        }
    }

}
