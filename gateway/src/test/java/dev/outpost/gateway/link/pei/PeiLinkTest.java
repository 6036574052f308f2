package dev.outpost.gateway.link.pei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.StatusMeanings;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.gateway.link.serial.SerialDriverOptions;
import dev.outpost.gateway.link.serial.SerialEndpoint;
import dev.outpost.gateway.link.serial.SerialPorts;
import dev.outpost.gateway.link.serial.SerialSettings;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.pei.PeiSessionConfig;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import dev.outpost.simulator.tetra.TetraRadioSim;
import dev.outpost.simulator.truth.GroundTruth;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PeiLink against the simulated TETRA radio on a loopback TCP port (a device server), at 9600 baud. */
class PeiLinkTest {
    private static final StatusMeanings MEANINGS = new StatusMeanings(Map.of(0x8002, "present", 0x8003, "busy"),
            Set.of(0x8002));
    private final BlockingQueue<UnitEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<LinkStatus> statuses = new LinkedBlockingQueue<>();
    private final List<Unit> units = TianheRegistryGenerator.scale(7, 40).stream().filter(u -> u.issi() != null)
            .toList();
    private NioEventLoopGroup group;
    private GroundTruth truth;
    private TetraRadioSim radio;
    private PeiLink link;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        group = new NioEventLoopGroup(1);
        truth = GroundTruth.inMemory(10_000);
        SimulatorOptions sim = SimulatorOptions.defaults().withBehaviour(7,
                BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofMillis(300)));
        radio = TetraRadioSim.start(sim, PeiRadioOptions.defaults(RadioEndpoint.Tcp.loopback(0)), units, truth);
    }

    private void startLink(boolean pollBySds) throws Exception {
        SerialEndpoint endpoint = new SerialEndpoint.TcpDeviceServer("127.0.0.1", radio.tcpPort().getAsInt());
        SerialSettings serial = SerialSettings.eightNoneOne(9600);
        PeiLinkOptions options = new PeiLinkOptions("tetra", endpoint, serial, SerialDriverOptions.defaults(),
                PeiSessionConfig.defaults(), pollBySds, 0x8000, 0x8001, MEANINGS);
        SerialPorts ports = new SerialPorts(GatewayClock.system(), Thread::new, group, dir);
        link = new PeiLink(options, ports.opener(endpoint, serial), group, GatewayClock.system(),
                () -> new UnitRegistry(units), new LinkListener() {
                    public void onEvent(UnitEvent event) {
                        events.add(event);
                    }

                    public void onStatus(LinkStatus status) {
                        statuses.add(status);
                    }
                }, Thread::new);
        link.start();
        awaitState(LinkState.UP);
    }

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.stop();
        }
        radio.close();
        truth.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void statusPollIsAnsweredByAnAckCarryingTheCallRef() throws Exception {
        startLink(false);
        Unit unit = units.get(0);
        CallReceipt receipt = call("p1", unit, CallMethod.POLL);

        UnitEvent ack = awaitEvent(unit);
        EventPayload.Ack payload = assertInstanceOf(EventPayload.Ack.class, ack.payload());
        assertEquals("p1", payload.callRef());
        assertEquals("present", payload.status());
        assertEquals(unit.unitId(), ack.unitId().orElseThrow());
        long latency = ack.receivedNanos() - receipt.sentNanos();
        long truthDelay = truth.firstReplyDelayNanos(unit.unitId()).orElseThrow();
        assertTrue(latency > truthDelay, "latency " + latency + " includes the unit's delay " + truthDelay);
        assertTrue(latency < truthDelay + 200_000_000L, "latency " + latency + " vs truth " + truthDelay);
    }

    @Test
    void confirmIsAnsweredAndLaterStatusesAreStatuses() throws Exception {
        startLink(false);
        Unit unit = units.get(1);
        call("c1", unit, CallMethod.CONFIRM);

        EventPayload.Ack ack = assertInstanceOf(EventPayload.Ack.class, awaitEvent(unit).payload());
        assertEquals("c1", ack.callRef());
        assertEquals("present", ack.status());
        assertEquals(1, link.status().reconnects() + 1);
        assertTrue(link.status().framesOut() > 0 && link.status().framesIn() > 0, link.status().toString());
    }

    @Test
    void textPollIsAnsweredByItsDeliveryReport() throws Exception {
        startLink(true);
        Unit unit = units.get(2);
        call("t1", unit, CallMethod.POLL);

        EventPayload.Ack ack = assertInstanceOf(EventPayload.Ack.class, awaitEvent(unit).payload());
        assertEquals("t1", ack.callRef());
    }

    @Test
    void aVoiceCallSendsNothingAndCallsWhileDownAreRefused() throws Exception {
        startLink(false);
        CallReceipt voice = link.call(new CallRequest("v", List.of("1"), null, CallMethod.VOICE,
                Duration.ofSeconds(1))).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), voice.refused(), "a voice call opens at once: units answer by keying up");
        CallReceipt bad = link.call(new CallRequest("x", List.of("not-an-issi"), null, CallMethod.POLL,
                Duration.ofSeconds(1))).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of("not-an-issi"), bad.refused());
        link.stop();
        ExecutionException down = assertThrows(ExecutionException.class, () -> call("d", units.get(0),
                CallMethod.POLL));
        assertInstanceOf(LinkUnavailableException.class, down.getCause());
        assertEquals(LinkState.DOWN, link.status().state());
    }

    private CallReceipt call(String ref, Unit unit, CallMethod method) throws Exception {
        return link.call(new CallRequest(ref, List.of(unit.issi().toString()), null, method, Duration.ofSeconds(5)))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private UnitEvent awaitEvent(Unit unit) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            UnitEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.address().equals(unit.issi().toString())) {
                return e;
            }
        }
        throw new AssertionError("no event from " + unit.unitId() + "; radio " + radio.stats());
    }

    private void awaitState(LinkState wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            LinkStatus s = statuses.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && s.state() == wanted) {
                return;
            }
        }
        throw new AssertionError("link never " + wanted + ": " + link.status());
    }
}
