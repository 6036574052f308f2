package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtFrame;
import dev.outpost.protocol.hxt.HxtMessage;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client connection of the simulated PoC server: logon, keepalive, requests. */
final class HxtConnectionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(HxtConnectionHandler.class);

    private final HxtWorld world;
    private final ArrivalStamp arrival;
    private final RollCallResponder responder;
    private final PingTracker pings;
    private ScheduledFuture<?> pingTask;
    private boolean loggedOn;

    HxtConnectionHandler(HxtWorld world, ArrivalStamp arrival) {
        this.world = world;
        this.arrival = arrival;
        this.responder = new RollCallResponder(world);
        this.pings = new PingTracker(world.options.missedPingsToDrop());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            world.connected.add(ctx.channel());
            long interval = world.options.pingInterval().toNanos();
            pingTask = ctx.executor().scheduleAtFixedRate(() -> keepalive(ctx), interval, interval, TimeUnit.NANOSECONDS);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pingTask != null) {
            pingTask.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long recvMono = arrival.monoNanos();
        Instant recvWall = arrival.wall();
        if (!(frame instanceof TextWebSocketFrame text)) {
            world.counters.invalidFrames.incrementAndGet(); // binary frames are not part of the dialect
            return;
        }
        HxtFrame decoded = world.codec.decode(text.text());
        if (decoded instanceof HxtFrame.Invalid invalid) {
            world.counters.invalidFrames.incrementAndGet();
            LOG.debug("invalid hxt frame from {}: {}", ctx.channel().remoteAddress(), invalid.reason());
        } else if (decoded instanceof HxtCommand.Pong pong) {
            pings.pong(pong.nonce());
        } else if (decoded instanceof HxtCommand.Request request) {
            handleRequest(ctx, request, recvMono, recvWall);
        } else {
            world.counters.invalidFrames.incrementAndGet(); // events and replies only flow server → client
        }
    }

    private void handleRequest(ChannelHandlerContext ctx, HxtCommand.Request request, long recvMono, Instant recvWall) {
        if (request instanceof HxtCommand.Logon logon) {
            handleLogon(ctx, logon);
        } else if (!loggedOn) {
            send(ctx, new HxtReply.Failure(request.seq(), "not logged on"));
        } else if (request instanceof HxtCommand.Ping ping) {
            send(ctx, new HxtReply.Ok(ping.seq()));
        } else if (request instanceof HxtCommand.RollCall call) {
            send(ctx, responder.accept(ctx.channel(), call, recvMono, recvWall));
        }
    }

    private void handleLogon(ChannelHandlerContext ctx, HxtCommand.Logon logon) {
        if (loggedOn) {
            send(ctx, new HxtReply.Failure(logon.seq(), "already logged on"));
            return;
        }
        if (!world.tokenMatches(logon.authToken())) {
            LOG.info("refused logon from {} (client {}): bad token", ctx.channel().remoteAddress(), logon.client());
            world.counters.drops.incrementAndGet();
            ctx.writeAndFlush(new TextWebSocketFrame(world.codec.encode(new HxtReply.Failure(logon.seq(), "bad token"))))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        loggedOn = true;
        world.loggedOn.add(ctx.channel());
        ctx.write(new TextWebSocketFrame(world.codec.encode(new HxtReply.LogonOk(logon.seq(), world.newSession()))));
        for (UnitBehaviour unit : world.model.online()) {
            ctx.write(new TextWebSocketFrame(world.codec.encode(new HxtEvent.UserOnline(unit.user()))));
        }
        ctx.flush();
        LOG.debug("client {} logged on from {}", logon.client(), ctx.channel().remoteAddress());
    }

    private void keepalive(ChannelHandlerContext ctx) {
        PingTracker.Tick tick = pings.tick();
        if (tick instanceof PingTracker.Tick.Drop drop) {
            LOG.info("dropping {}: {} pings unanswered", ctx.channel().remoteAddress(), drop.unanswered());
            world.counters.drops.incrementAndGet();
            ctx.close();
        } else if (tick instanceof PingTracker.Tick.SendPing ping) {
            send(ctx, new HxtEvent.ServerPing(ping.nonce()));
        }
    }

    private void send(ChannelHandlerContext ctx, HxtMessage message) {
        ctx.writeAndFlush(new TextWebSocketFrame(world.codec.encode(message)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after error", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
