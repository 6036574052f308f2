package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtLimits;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.truth.TruthEntry;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Carries out a roll call: records each target's receipt in the ground truth and schedules every
 * reached unit's ack on the connection's event loop, stamped just before it is written.
 * Acks go back on the connection that made the call; if it has closed by then, the ack is lost.
 */
final class RollCallResponder {
    private static final String PRESENT = "present";

    private final HxtWorld world;

    RollCallResponder(HxtWorld world) {
        this.world = world;
    }

    /** Plans the call and returns the reply to send now. */
    HxtReply accept(Channel channel, HxtCommand.RollCall call, long recvMono, Instant recvWall) {
        RollCallPlanner.Plan plan = world.planner.plan(call);
        if (plan instanceof RollCallPlanner.Plan.Rejected rejected) {
            return new HxtReply.Failure(call.seq(), rejected.error());
        }
        RollCallPlanner.Plan.Accepted accepted = (RollCallPlanner.Plan.Accepted) plan;
        world.counters.rollCalls.incrementAndGet();
        for (HxtReply.Refusal refusal : accepted.refused()) {
            String unitId = world.model.byUser(refusal.user()).map(UnitBehaviour::unitId).orElse("");
            world.truth.record(new TruthEntry.CallRefused(call.callId(), unitId, refusal.user(),
                    refusal.reason().wireName(), recvMono, recvWall));
        }
        world.counters.callsRefused.addAndGet(accepted.refused().size());
        for (RollCallPlanner.Delivery delivery : accepted.deliveries()) {
            UnitBehaviour unit = delivery.unit();
            world.truth.record(new TruthEntry.CallReceived(call.callId(), unit.unitId(), unit.user(),
                    call.expect().wireName(), recvMono, recvWall));
            world.counters.callsDelivered.incrementAndGet();
            delivery.replyDelayNanos().ifPresent(delay -> {
                // Aim at recv + delay, so time spent decoding and planning is not added to the delay.
                long wait = Math.max(0, recvMono + delay - System.nanoTime());
                channel.eventLoop().schedule(() -> sendAck(channel, call, unit, recvMono, delay),
                        wait, TimeUnit.NANOSECONDS);
            });
        }
        return new HxtReply.RollCallOk(call.seq(), accepted.refused());
    }

    private void sendAck(Channel channel, HxtCommand.RollCall call, UnitBehaviour unit, long recvMono, long planned) {
        if (!channel.isActive()) {
            world.counters.acksLost.incrementAndGet();
            return;
        }
        int staff = Math.max(0, Math.min(HxtLimits.MAX_STAFF, unit.unit().staff()));
        String text = world.codec.encode(new HxtEvent.RollCallAck(call.callId(), unit.user(), PRESENT, staff, call.expect()));
        TextWebSocketFrame frame = new TextWebSocketFrame(text);
        long sendMono = System.nanoTime();
        Instant sendWall = Instant.now();
        // Recorded before the write so the truth is never behind what a client has seen (a test may read it the
        // moment the ack arrives); recording costs microseconds (in memory, and a buffered line), which fall inside
        // the transport time a comparison must allow anyway.
        world.truth.record(new TruthEntry.ReplySent(call.callId(), unit.unitId(), unit.user(), PRESENT, recvMono,
                sendMono, sendWall, sendMono - recvMono, planned));
        world.counters.acksSent.incrementAndGet();
        channel.writeAndFlush(frame);
    }
}
