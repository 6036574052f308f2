package dev.outpost.gateway.link.fleetsync;

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
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.serial.SerialDriverOptions;
import dev.outpost.gateway.link.serial.SerialEndpoint;
import dev.outpost.gateway.link.serial.SerialPorts;
import dev.outpost.gateway.link.serial.SerialSettings;
import dev.outpost.gateway.link.serial.StopBits;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.fleetsync.FleetSyncRadioOptions;
import dev.outpost.simulator.fleetsync.FleetSyncRadioSim;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FleetSyncLink against the simulated Kenwood radio on a loopback TCP port, 9600 8N2, with corrupt sentences. */
class FleetSyncLinkTest {
    @TempDir
    Path dir;

    @Test
    void voiceRollCallCountsPttIdsAsAcksAndIgnoresBadChecksums() throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(11, 300).stream().filter(u -> u.fleetsyncId() != null)
                .toList();
        List<UnitEvent> events = new CopyOnWriteArrayList<>();
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        SimulatorOptions sim = SimulatorOptions.defaults().withBehaviour(11,
                BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofMillis(100)));
        try (GroundTruth truth = GroundTruth.inMemory(10_000);
             FleetSyncRadioSim radio = FleetSyncRadioSim.start(sim, FleetSyncRadioOptions.defaults(
                     RadioEndpoint.Tcp.loopback(0)).withFaults(0.3, 0).withTalkTime(Duration.ofMillis(60)), units,
                     truth)) {
            SerialEndpoint endpoint = new SerialEndpoint.TcpDeviceServer("127.0.0.1", radio.tcpPort().getAsInt());
            SerialSettings serial = new SerialSettings(9600, 8, dev.outpost.gateway.link.serial.Parity.NONE,
                    StopBits.TWO, dev.outpost.gateway.link.serial.FlowControl.NONE);
            FleetSyncLink link = new FleetSyncLink(new FleetSyncLinkOptions("kenwood", endpoint, serial,
                    SerialDriverOptions.defaults(), new StatusMeanings(Map.of(), Set.of())),
                    new SerialPorts(GatewayClock.system(), Thread::new, group, dir).opener(endpoint, serial),
                    GatewayClock.system(), () -> new UnitRegistry(units), new LinkListener() {
                        public void onEvent(UnitEvent event) {
                            events.add(event);
                        }

                        public void onStatus(LinkStatus status) {
                        }
                    }, Thread::new);
            link.start();
            try {
                await(() -> link.status().state() == LinkState.UP, "link up");
                ExecutionException poll = assertThrows(ExecutionException.class, () -> link.call(new CallRequest("p",
                        List.of(units.get(0).fleetsyncId()), null, CallMethod.POLL, Duration.ofSeconds(1)))
                        .toCompletableFuture().get(5, TimeUnit.SECONDS));
                assertInstanceOf(UnsupportedOperationException.class, poll.getCause());
                link.call(new CallRequest("v1", units.stream().map(Unit::fleetsyncId).toList(), null,
                        CallMethod.VOICE, Duration.ofSeconds(30))).toCompletableFuture().get(5, TimeUnit.SECONDS);
                radio.voiceRollCall("v1");

                List<TruthEntry.ReplySent> replies = awaitReplies(truth, radio);
                long corrupt = replies.stream().filter(r -> r.status().contains("corrupt")).count();
                long good = replies.size() - corrupt;
                await(() -> count(events, EventPayload.Ack.class) == good
                        && link.status().framesInvalid() == corrupt, "acks " + good + ", invalid " + corrupt);
                System.out.printf("FleetSync voice roll call: %d units, %d PTT-IDs sent, %d with bad checksums "
                        + "(ignored, frames_invalid %d), %d acks%n", units.size(), replies.size(), corrupt,
                        link.status().framesInvalid(), count(events, EventPayload.Ack.class));
                assertTrue(corrupt > 0 && good > 0, "the run needs both kinds: " + replies.size());
                assertEquals(good, count(events, EventPayload.PttStart.class));
                assertTrue(events.stream().filter(e -> e.payload() instanceof EventPayload.Ack)
                        .allMatch(e -> ((EventPayload.Ack) e.payload()).callRef().equals("v1")
                                && e.unitId().isPresent()));
            } finally {
                link.stop();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static List<TruthEntry.ReplySent> awaitReplies(GroundTruth truth, FleetSyncRadioSim radio)
            throws InterruptedException {
        int stable = 0;
        int last = -1;
        for (int i = 0; i < 300 && stable < 15; i++) {
            int now = truth.entries(TruthEntry.ReplySent.class).size();
            stable = now == last && now > 0 ? stable + 1 : 0;
            last = now;
            Thread.sleep(100);
        }
        return truth.entries(TruthEntry.ReplySent.class);
    }

    private static long count(List<UnitEvent> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.payload())).count();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
