package dev.outpost.gateway.muster;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.time.Cancellable;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TaskScheduler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link MusterEngine}: sends its calls on the links, feeds it receipts, acks and timer ticks, records
 * every input (so the muster can be rebuilt after a restart), and reports progress. Confined to the scheduler's
 * thread, like the {@link MusterService} that owns it.
 */
final class MusterDriver {
    private static final Logger log = LoggerFactory.getLogger(MusterDriver.class);

    /** What every driver shares with its service. */
    record Context(TaskScheduler scheduler, GatewayClock clock, Map<String, Link> links, MusterListener listener,
                   MusterRecorder recorder, Consumer<MusterDriver> onFinished) {
    }

    private final MusterEngine engine;
    private final Context ctx;
    private Cancellable timer;
    private long timerAt;
    private Cancellable progressTick;
    private MusterSnapshot lastProgress;
    /** The sequence of the last recorded input. */
    private long inputs;
    private boolean done;

    MusterDriver(MusterEngine engine, long lastSequence, Context ctx) {
        this.engine = engine;
        this.inputs = lastSequence;
        this.ctx = ctx;
    }

    MusterEngine engine() {
        return engine;
    }

    MusterSnapshot snapshot() {
        return engine.snapshot(ctx.clock().monotonicNanos());
    }

    /** Starts reporting progress (the first snapshot has been announced) and sends what the engine has ready. */
    void begin(MusterSnapshot announced) {
        reportProgressFrom(announced);
        pump();
    }

    /** After a rebuild: reports progress from here, and the timers that fell due while the gateway was down fire. */
    void resume(MusterSnapshot announced) {
        reportProgressFrom(announced);
        long now = ctx.clock().monotonicNanos();
        record(new MusterInput.Tick(offset(now)));
        engine.handleTimeout(now);
        pump();
    }

    private void reportProgressFrom(MusterSnapshot announced) {
        lastProgress = announced;
        progressTick = ctx.scheduler().schedule(MusterService.PROGRESS_INTERVAL_NANOS, this::progressTick);
    }

    void onAck(UnitEvent event) {
        long now = ctx.clock().monotonicNanos();
        record(new MusterInput.Ack(offset(now), event.withReceivedNanos(offset(event.receivedNanos()))));
        engine.onAck(event, now);
        pump();
    }

    /** A PTT event on this voice muster's talkgroup ({@link MusterEngine#hears}). */
    void onPtt(UnitEvent event) {
        long now = ctx.clock().monotonicNanos();
        record(new MusterInput.Ptt(offset(now), event.withReceivedNanos(offset(event.receivedNanos()))));
        engine.onPtt(event, now);
        pump();
    }

    void cancel() {
        long now = ctx.clock().monotonicNanos();
        record(new MusterInput.Cancel(offset(now)));
        engine.cancel(now);
        pump();
    }

    /** Carries out what the engine asked for, then re-arms its timer or wraps it up. */
    private void pump() {
        List<SendCall> sends;
        while (!(sends = engine.pollSends()).isEmpty()) {
            sends.forEach(this::sendOn);
        }
        engine.pollAcks().forEach(ack -> notify(() -> ctx.listener().onAck(ack)));
        if (engine.isFinished()) {
            complete();
        } else {
            armTimer();
        }
    }

    private void sendOn(SendCall send) {
        String callRef = send.request().callRef();
        CompletionStage<CallReceipt> stage;
        try {
            stage = ctx.links().get(send.linkId()).call(send.request());
        } catch (RuntimeException e) {
            long now = ctx.clock().monotonicNanos();
            record(new MusterInput.CallFailed(offset(now), callRef, describe(e)));
            engine.onCallFailed(callRef, describe(e), now);
            return;
        }
        // Link completions may come on any thread: hop back onto ours.
        stage.whenComplete((receipt, error) -> ctx.scheduler().execute(() -> onCallResult(callRef, receipt, error)));
    }

    private void onCallResult(String callRef, CallReceipt receipt, Throwable error) {
        if (done) {
            return;
        }
        long now = ctx.clock().monotonicNanos();
        if (error != null) {
            record(new MusterInput.CallFailed(offset(now), callRef, describe(error)));
            engine.onCallFailed(callRef, describe(error), now);
        } else {
            record(new MusterInput.Receipt(offset(now), new CallReceipt(receipt.callRef(),
                    offset(receipt.sentNanos()), receipt.sentAt(), receipt.refused())));
            engine.onReceipt(receipt, now);
        }
        pump();
    }

    private void armTimer() {
        long next = engine.pollTimeout().orElseThrow();
        if (timer != null && timerAt == next) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timerAt = next;
        timer = ctx.scheduler().schedule(next - ctx.clock().monotonicNanos(), () -> {
            timer = null;
            if (!done) {
                long now = ctx.clock().monotonicNanos();
                record(new MusterInput.Tick(offset(now)));
                engine.handleTimeout(now);
                pump();
            }
        });
    }

    private void progressTick() {
        if (done) {
            return;
        }
        MusterSnapshot snapshot = snapshot();
        if (!sameCounts(snapshot, lastProgress)) {
            lastProgress = snapshot;
            notify(() -> ctx.listener().onProgress(snapshot));
        }
        progressTick = ctx.scheduler().schedule(MusterService.PROGRESS_INTERVAL_NANOS, this::progressTick);
    }

    private void complete() {
        if (done) {
            return;
        }
        done = true;
        if (timer != null) {
            timer.cancel();
        }
        if (progressTick != null) {
            progressTick.cancel();
        }
        ctx.onFinished().accept(this);
    }

    private void record(MusterInput input) {
        try {
            ctx.recorder().input(engine.id(), ++inputs, input);
        } catch (RuntimeException e) {
            log.error("muster {}: input {} not recorded; a restart could not rebuild it exactly", engine.id(), inputs,
                    e);
        }
    }

    private long offset(long nanos) {
        return nanos - engine.startNanos();
    }

    private static boolean sameCounts(MusterSnapshot a, MusterSnapshot b) {
        return b != null && a.state().equals(b.state()) && a.acked() == b.acked() && a.late() == b.late()
                && a.pending() == b.pending() && a.noAnswer() == b.noAnswer() && a.unreachable() == b.unreachable()
                && a.cancelled() == b.cancelled() && a.duplicateAcks() == b.duplicateAcks();
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Listeners must not break a muster: their failures are logged and swallowed. */
    static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("muster listener failed", e);
        }
    }
}
