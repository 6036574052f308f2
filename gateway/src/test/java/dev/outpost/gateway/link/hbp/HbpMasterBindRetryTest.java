package dev.outpost.gateway.link.hbp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A master whose port is taken says so, keeps trying, and listens once the port is free (real sockets, 127.0.0.1). */
class HbpMasterBindRetryTest {

    @Test
    void aTakenPortIsRetriedUntilItIsFree() throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(1);
        Recorder recorder = new Recorder();
        DatagramSocket squatter = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        HbpMasterLink link = null;
        try {
            InetSocketAddress taken = new InetSocketAddress("127.0.0.1", squatter.getLocalPort());
            HbpMasterOptions options = new HbpMasterOptions("dmr", taken, Optional.empty(), Map.of(1L, "pass"),
                    new HbpMasterSessionConfig(Duration.ofSeconds(5), 3, Duration.ofSeconds(20)), 1, 8,
                    Optional.empty(), 9, Duration.ofMillis(360), List.of());
            link = new HbpMasterLink(options, group, GatewayClock.system(), UnitRegistry::empty, recorder);
            link.start();

            LinkStatus refused = recorder.status(s -> s.state() == LinkState.DOWN, "down: port taken");
            assertTrue(refused.detail().matches("cannot listen on .*; retrying in \\d+\\.\\d s"), refused.detail());

            squatter.close();
            recorder.status(s -> s.state() == LinkState.UP, "up once the port is free");
            assertEquals(taken.getPort(), link.localAddress().orElseThrow().getPort());
        } finally {
            squatter.close();
            if (link != null) {
                link.stop();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
