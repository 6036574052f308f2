package dev.outpost.protocol.hxt;

import dev.outpost.protocol.hxt.HxtSessionState.Trigger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The client side of one hxt connection at a time, sans-I/O: the caller owns the socket and the clock,
 * feeds in what happens ({@link #connected}, {@link #receive}, {@link #handleTimeout},
 * {@link #disconnected}) and carries out the returned {@link HxtSessionOutput}s in order. Time is a
 * monotonic nanosecond value chosen by the caller. Not thread-safe: drive it from one thread.
 *
 * <p>Per-connection state (seq numbers, pending requests, open streams) starts afresh on every
 * {@link #connected}; nothing survives a reconnect.
 */
public final class HxtClientSession {
    private record Pending(HxtCommand.Request request, long deadline) {
    }

    /** A request handed to the caller to write: its seq and frame text. */
    public record Sent(long seq, String text) {
    }

    private final HxtSessionConfig config;
    private final HxtCodec codec;
    private final long keepaliveNanos;
    private final long requestTimeoutNanos;

    private HxtSessionState state = HxtSessionState.DISCONNECTED;
    private long lastSeq;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    /** In start order, so that past {@link HxtLimits#MAX_OPEN_STREAMS} the oldest is the one forgotten. */
    private final Map<Long, HxtEvent.StreamStart> openStreams = new LinkedHashMap<>();
    private long nextPingAt;
    private String sessionId;

    public HxtClientSession(HxtSessionConfig config, HxtCodec codec) {
        this.config = config;
        this.codec = codec;
        this.keepaliveNanos = config.keepalive().toNanos();
        this.requestTimeoutNanos = config.requestTimeout().toNanos();
    }

    public HxtSessionState state() {
        return state;
    }

    /** The server's session id while online, else null. */
    public String sessionId() {
        return sessionId;
    }

    /** The socket (and WebSocket handshake) is up: starts the logon, the only one in flight. */
    public List<HxtSessionOutput> connected(long now) {
        List<HxtSessionOutput> out = new ArrayList<>();
        move(Trigger.CONNECTED, "connected", out);
        lastSeq = 0;
        sessionId = null;
        openStreams.clear();
        HxtCommand.Logon logon = new HxtCommand.Logon(++lastSeq, config.authToken(), config.client());
        out.add(new HxtSessionOutput.Send(track(logon, now)));
        return out;
    }

    /** One text frame from the server. */
    public List<HxtSessionOutput> receive(String text, long now) {
        List<HxtSessionOutput> out = new ArrayList<>();
        if (!state.connected()) {
            out.add(new HxtSessionOutput.ProtocolError("frame received while " + state));
            return out;
        }
        HxtFrame frame = codec.decode(text);
        if (frame instanceof HxtFrame.Invalid invalid) {
            out.add(new HxtSessionOutput.InvalidFrame(invalid.reason()));
        } else if (frame instanceof HxtReply reply) {
            onReply(reply, now, out);
        } else if (frame instanceof HxtEvent event) {
            onEvent(event, out);
        } else {
            out.add(new HxtSessionOutput.ProtocolError("server sent a client command"));
        }
        return out;
    }

    /** Starts a roll call; the session must be {@link HxtSessionState#ONLINE}. */
    public Sent rollCall(String callId, List<String> users, String group, HxtExpect expect, long timeoutMs,
            long now) {
        requireOnline("roll_call");
        return send(new HxtCommand.RollCall(lastSeq + 1, callId, users, group, expect, timeoutMs), now);
    }

    /** Sends a keepalive ping now; the session must be {@link HxtSessionState#ONLINE}. */
    public Sent ping(long now) {
        requireOnline("ping");
        nextPingAt = now + keepaliveNanos;
        return send(new HxtCommand.Ping(lastSeq + 1), now);
    }

    /** Expires overdue requests and sends the keepalive ping when due. Call at {@link #pollTimeout()}. */
    public List<HxtSessionOutput> handleTimeout(long now) {
        List<HxtSessionOutput> out = new ArrayList<>();
        Iterator<Pending> it = pending.values().iterator();
        List<HxtCommand.Request> expired = new ArrayList<>();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.deadline() - now <= 0) {
                it.remove();
                expired.add(p.request());
            }
        }
        for (HxtCommand.Request request : expired) {
            onExpired(request, out);
        }
        if (state == HxtSessionState.ONLINE && nextPingAt - now <= 0 && !pingInFlight()) {
            out.add(new HxtSessionOutput.Send(ping(now).text()));
        }
        return out;
    }

    /** The next instant {@link #handleTimeout} needs to run, or empty when nothing is scheduled. */
    public OptionalLong pollTimeout() {
        OptionalLong earliest = OptionalLong.empty();
        for (Pending p : pending.values()) {
            earliest = earlier(earliest, p.deadline());
        }
        if (state == HxtSessionState.ONLINE && !pingInFlight()) {
            earliest = earlier(earliest, nextPingAt);
        }
        return earliest;
    }

    /** Closes this connection from our side (e.g. on shutdown); the caller then closes the socket. */
    public List<HxtSessionOutput> close(String reason) {
        List<HxtSessionOutput> out = new ArrayList<>();
        if (state.next(Trigger.CLOSE).isPresent()) {
            closeWith(Trigger.CLOSE, reason, out);
        }
        return out;
    }

    /** The socket is gone. Fails what is pending and forgets all per-connection state. Idempotent. */
    public List<HxtSessionOutput> disconnected(String reason) {
        List<HxtSessionOutput> out = new ArrayList<>();
        if (state == HxtSessionState.DISCONNECTED) {
            return out;
        }
        failAllPending("disconnected: " + reason, out);
        openStreams.clear();
        sessionId = null;
        move(Trigger.DISCONNECTED, reason, out);
        return out;
    }

    private void onReply(HxtReply reply, long now, List<HxtSessionOutput> out) {
        Pending p = pending.remove(reply.seq());
        if (p == null) {
            out.add(new HxtSessionOutput.ProtocolError("reply to unknown seq " + reply.seq()));
            return;
        }
        HxtCommand.Request request = p.request();
        String problem = reply instanceof HxtReply.Failure failure ? "refused by server: " + failure.error()
                : expectedReplyType(request).isInstance(reply) ? null
                : "reply to " + request.command() + " has the wrong shape";
        if (request instanceof HxtCommand.Logon) {
            if (problem != null) {
                closeWith(Trigger.LOGON_FAILED, "logon " + problem, out);
                return;
            }
            sessionId = ((HxtReply.LogonOk) reply).session();
            nextPingAt = now + keepaliveNanos;
            move(Trigger.LOGON_ACCEPTED, "logged on", out);
        }
        out.add(problem == null ? new HxtSessionOutput.Replied(request, reply)
                : new HxtSessionOutput.Failed(request, problem));
    }

    private static Class<? extends HxtReply> expectedReplyType(HxtCommand.Request request) {
        if (request instanceof HxtCommand.Logon) {
            return HxtReply.LogonOk.class;
        }
        return request instanceof HxtCommand.RollCall ? HxtReply.RollCallOk.class : HxtReply.Ok.class;
    }

    private void onEvent(HxtEvent event, List<HxtSessionOutput> out) {
        if (event instanceof HxtEvent.ServerPing ping) {
            out.add(new HxtSessionOutput.Send(codec.encode(new HxtCommand.Pong(ping.nonce()))));
        } else if (state != HxtSessionState.ONLINE) {
            out.add(new HxtSessionOutput.ProtocolError(event.event() + " event before logon completed"));
        } else if (event instanceof HxtEvent.StreamStart start) {
            openStream(start, out);
        } else if (event instanceof HxtEvent.StreamStop stop) {
            HxtEvent.StreamStart start = openStreams.remove(stop.streamId());
            out.add(start == null
                    ? new HxtSessionOutput.ProtocolError("stream_stop for unknown stream_id " + stop.streamId())
                    : new HxtSessionOutput.StreamEnded(start, stop));
        } else {
            out.add(new HxtSessionOutput.Deliver(event));
        }
    }

    /**
     * Remembers a stream until its stop. A server that starts streams and never stops them must not grow this
     * map without bound: past the cap the oldest start is forgotten (its stop, most likely lost, never came).
     */
    private void openStream(HxtEvent.StreamStart start, List<HxtSessionOutput> out) {
        openStreams.remove(start.streamId()); // a reused id replaces its stream and becomes the newest
        openStreams.put(start.streamId(), start);
        out.add(new HxtSessionOutput.Deliver(start));
        if (openStreams.size() > HxtLimits.MAX_OPEN_STREAMS) {
            Iterator<Long> oldest = openStreams.keySet().iterator();
            long forgotten = oldest.next();
            oldest.remove();
            out.add(new HxtSessionOutput.ProtocolError("more than " + HxtLimits.MAX_OPEN_STREAMS
                    + " open streams; forgot the oldest, stream_id " + forgotten));
        }
    }

    private void onExpired(HxtCommand.Request request, List<HxtSessionOutput> out) {
        String reason = "no reply to " + request.command() + " within " + config.requestTimeout();
        out.add(new HxtSessionOutput.Failed(request, reason));
        if (request instanceof HxtCommand.Logon && state == HxtSessionState.LOGGING_ON) {
            closeWith(Trigger.LOGON_FAILED, "logon timed out", out);
        } else if (request instanceof HxtCommand.Ping && state == HxtSessionState.ONLINE) {
            closeWith(Trigger.KEEPALIVE_LOST, "keepalive lost: " + reason, out);
        }
    }

    private void closeWith(Trigger trigger, String reason, List<HxtSessionOutput> out) {
        failAllPending("connection closed: " + reason, out);
        move(trigger, reason, out);
    }

    private void failAllPending(String reason, List<HxtSessionOutput> out) {
        for (Pending p : pending.values()) {
            out.add(new HxtSessionOutput.Failed(p.request(), reason));
        }
        pending.clear();
    }

    private void move(Trigger trigger, String reason, List<HxtSessionOutput> out) {
        HxtSessionState from = state;
        state = from.next(trigger).orElseThrow(
                () -> new IllegalStateException(trigger + " is not allowed in state " + from));
        out.add(new HxtSessionOutput.StateChanged(from, state, reason));
    }

    private Sent send(HxtCommand.Request request, long now) {
        String text = track(request, now);
        return new Sent(request.seq(), text);
    }

    /** Encodes first, so that a request too large to send leaves no trace (no seq used, nothing pending). */
    private String track(HxtCommand.Request request, long now) {
        String text = codec.encode(request);
        lastSeq = request.seq();
        pending.put(request.seq(), new Pending(request, now + requestTimeoutNanos));
        return text;
    }

    private void requireOnline(String what) {
        if (state != HxtSessionState.ONLINE) {
            throw new IllegalStateException("cannot send " + what + " while " + state);
        }
    }

    /** Streams open on this connection; for tests of the bound. */
    int openStreamCount() {
        return openStreams.size();
    }

    /** Requests awaiting their reply; for tests of the bound. */
    int pendingCount() {
        return pending.size();
    }

    private boolean pingInFlight() {
        return pending.values().stream().anyMatch(p -> p.request() instanceof HxtCommand.Ping);
    }

    private static OptionalLong earlier(OptionalLong current, long candidate) {
        return current.isEmpty() || candidate - current.getAsLong() < 0 ? OptionalLong.of(candidate) : current;
    }
}
