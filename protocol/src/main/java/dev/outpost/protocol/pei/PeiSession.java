package dev.outpost.protocol.pei;

import dev.outpost.protocol.pei.PeiSessionState.Trigger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * The terminal side of one PEI port, sans-I/O (docs/protocols/pei.md section 5): one command in flight, the
 * rest queued (bounded); unsolicited lines decoded and reported wherever they fall, even between a command and
 * its OK; a timeout per command; the {@code >} prompt handshake for SDS bodies; and resynchronisation with a
 * bare {@code AT} after a timeout or garbage.
 *
 * <p>The caller owns the port and the clock: it calls {@link #start}, {@link #receive}, {@link #submit},
 * {@link #handleTimeout} (at {@link #nextTimeout()}) and {@link #stop}, and carries out the returned
 * {@link PeiSessionOutput}s in order. Time is a monotonic nanosecond value chosen by the caller. Not
 * thread-safe: drive it from one thread (or under one lock).
 */
public final class PeiSession {
    private static final String CR = "\r";

    private final PeiSessionConfig config;
    private final PeiStreamDecoder decoder = new PeiStreamDecoder();
    private final Deque<PeiCommand> queue = new ArrayDeque<>();
    private final List<PeiFrame> info = new ArrayList<>();
    private PeiSessionState state = PeiSessionState.STOPPED;
    private PeiCommand inFlight;
    private long deadline;
    private boolean resyncAfterResult;

    public PeiSession(PeiSessionConfig config) {
        this.config = config;
    }

    public PeiSessionState state() {
        return state;
    }

    /** Commands waiting behind the one in flight. */
    public int queued() {
        return queue.size();
    }

    /** The port is open: resynchronise, then run the init commands, then whatever was submitted. */
    public List<PeiSessionOutput> start(long now) {
        List<PeiSessionOutput> out = new ArrayList<>();
        decoder.reset();
        List<PeiCommand> init = config.initCommands();
        for (int i = init.size() - 1; i >= 0; i--) {
            queue.addFirst(init.get(i));
        }
        move(Trigger.START, "started", out);
        sendSync(now, out);
        return out;
    }

    /**
     * Queues a command; it goes out at once when nothing is in flight. Past {@link PeiLimits#MAX_QUEUED_COMMANDS}
     * the command is refused at once with {@link CommandResult.Cancelled}.
     */
    public List<PeiSessionOutput> submit(PeiCommand command, long now) {
        List<PeiSessionOutput> out = new ArrayList<>();
        if (queue.size() >= PeiLimits.MAX_QUEUED_COMMANDS) {
            out.add(new PeiSessionOutput.CommandCompleted(command, new CommandResult.Cancelled(
                    "queue full (" + PeiLimits.MAX_QUEUED_COMMANDS + " commands)")));
            return out;
        }
        queue.addLast(command);
        sendNext(now, out);
        return out;
    }

    /** Bytes read from the port. */
    public List<PeiSessionOutput> receive(byte[] data, int offset, int count, long now) {
        List<PeiSessionOutput> out = new ArrayList<>();
        if (state == PeiSessionState.STOPPED) {
            out.add(new PeiSessionOutput.ProtocolError("bytes received while stopped"));
            return out;
        }
        for (PeiFrame frame : decoder.feed(data, offset, count)) {
            onFrame(frame, now, out);
        }
        return out;
    }

    public List<PeiSessionOutput> receive(byte[] data, long now) {
        return receive(data, 0, data.length, now);
    }

    /** The next instant {@link #handleTimeout} needs to run, or empty when nothing is waiting. */
    public OptionalLong nextTimeout() {
        return state == PeiSessionState.SYNCING || state.commandInFlight() ? OptionalLong.of(deadline)
                : OptionalLong.empty();
    }

    /** Fails an overdue command (then resynchronises) or repeats an unanswered {@code AT}. */
    public List<PeiSessionOutput> handleTimeout(long now) {
        List<PeiSessionOutput> out = new ArrayList<>();
        if (nextTimeout().isEmpty() || deadline - now > 0) {
            return out;
        }
        if (state == PeiSessionState.SYNCING) {
            move(Trigger.TIMEOUT, "no OK to AT within " + config.syncTimeout() + "; trying again", out);
            sendSync(now, out);
            return out;
        }
        boolean prompt = state == PeiSessionState.AWAITING_PROMPT;
        if (prompt) {
            out.add(new PeiSessionOutput.Write(String.valueOf((char) PeiFramer.ESC))); // leave body entry
        }
        String waitingFor = prompt ? "prompt" : "final result";
        complete(new CommandResult.TimedOut(waitingFor), out);
        move(Trigger.TIMEOUT, "no " + waitingFor + " in time", out);
        sendSync(now, out);
        return out;
    }

    /** The port is gone or closing: every command, in flight or queued, ends {@link CommandResult.Cancelled}. */
    public List<PeiSessionOutput> stop(String reason) {
        List<PeiSessionOutput> out = new ArrayList<>();
        if (state == PeiSessionState.STOPPED) {
            return out;
        }
        if (state.commandInFlight()) {
            complete(new CommandResult.Cancelled(reason), out);
        }
        for (PeiCommand command : queue) {
            out.add(new PeiSessionOutput.CommandCompleted(command, new CommandResult.Cancelled(reason)));
        }
        queue.clear();
        resyncAfterResult = false;
        move(Trigger.STOP, reason, out);
        return out;
    }

    private void onFrame(PeiFrame frame, long now, List<PeiSessionOutput> out) {
        if (frame instanceof PeiFrame.Unsolicited unsolicited) {
            out.add(PeiEvents.toOutput(unsolicited));
        } else if (frame instanceof PeiFrame.Invalid invalid) {
            out.add(new PeiSessionOutput.InvalidFrame(invalid.reason()));
            onGarbage(now, out);
        } else if (frame instanceof PeiFrame.FinalResult result) {
            onFinalResult(result, now, out);
        } else if (frame instanceof PeiFrame.Prompt) {
            onPrompt(now, out);
        } else if (frame instanceof PeiFrame.SdsSent || frame instanceof PeiFrame.Unhandled
                || frame instanceof PeiFrame.Text) {
            if (state.commandInFlight() && info.size() < PeiLimits.MAX_INFO_LINES) {
                info.add(frame);
            }
        }
        // Echoed command lines and bodies (before ATE0 takes effect) carry nothing: dropped.
    }

    private void onGarbage(long now, List<PeiSessionOutput> out) {
        if (state == PeiSessionState.READY) {
            move(Trigger.GARBAGE, "resynchronising after garbage", out);
            sendSync(now, out);
        } else if (state.commandInFlight()) {
            resyncAfterResult = true; // the garbage may have been this command's reply: the timeout covers that
        }
    }

    private void onFinalResult(PeiFrame.FinalResult result, long now, List<PeiSessionOutput> out) {
        if (state == PeiSessionState.SYNCING) {
            if (result instanceof PeiFrame.Ok) {
                move(Trigger.SYNCED, "radio answered AT", out);
                sendNext(now, out);
            } // an ERROR here is the late answer of a command that timed out: AT's own OK is still to come
            return;
        }
        if (!state.commandInFlight()) {
            out.add(new PeiSessionOutput.ProtocolError(result.getClass().getSimpleName()
                    + " with no command in flight"));
            return;
        }
        CommandResult outcome = result instanceof PeiFrame.Ok ? new CommandResult.Ok(info)
                : new CommandResult.Failed(result instanceof PeiFrame.CmeError e ? e.code() : null);
        complete(outcome, out);
        move(Trigger.RESULT, "command ended", out);
        if (resyncAfterResult) {
            resyncAfterResult = false;
            move(Trigger.GARBAGE, "resynchronising after garbage", out);
            sendSync(now, out);
        } else {
            sendNext(now, out);
        }
    }

    private void onPrompt(long now, List<PeiSessionOutput> out) {
        if (state != PeiSessionState.AWAITING_PROMPT) {
            return; // a radio that prompts although the body went out with the line (waitForPrompt false)
        }
        PeiCommand.SendSds sds = (PeiCommand.SendSds) inFlight;
        out.add(new PeiSessionOutput.Write(sds.bodyHex() + (char) PeiFramer.CTRL_Z));
        deadline = now + config.commandTimeout().toNanos();
        move(Trigger.PROMPT, "prompt received, body sent", out);
    }

    private void sendNext(long now, List<PeiSessionOutput> out) {
        if (state != PeiSessionState.READY || queue.isEmpty()) {
            return;
        }
        inFlight = queue.pollFirst();
        info.clear();
        if (inFlight instanceof PeiCommand.SendSds sds && config.waitForPrompt()) {
            out.add(new PeiSessionOutput.Write(sds.line() + CR));
            deadline = now + config.promptTimeout().toNanos();
            move(Trigger.SEND_SDS, "sent " + sds.line(), out);
        } else {
            String body = inFlight instanceof PeiCommand.SendSds sds
                    ? "\r\n" + sds.bodyHex() + (char) PeiFramer.CTRL_Z : CR;
            out.add(new PeiSessionOutput.Write(inFlight.line() + body));
            deadline = now + config.commandTimeout().toNanos();
            move(Trigger.SEND, "sent " + inFlight.line(), out);
        }
    }

    private void sendSync(long now, List<PeiSessionOutput> out) {
        out.add(new PeiSessionOutput.Write(new PeiCommand.Attention().line() + CR));
        deadline = now + config.syncTimeout().toNanos();
    }

    private void complete(CommandResult result, List<PeiSessionOutput> out) {
        out.add(new PeiSessionOutput.CommandCompleted(inFlight, result));
        inFlight = null;
        info.clear();
    }

    private void move(Trigger trigger, String reason, List<PeiSessionOutput> out) {
        PeiSessionState from = state;
        state = from.next(trigger).orElseThrow(
                () -> new IllegalStateException(trigger + " is not allowed in state " + from));
        out.add(new PeiSessionOutput.StateChanged(from, state, reason));
    }
}
