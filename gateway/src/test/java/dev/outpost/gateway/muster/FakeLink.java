package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.time.GatewayClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** An in-memory {@link Link}: records every call; receipts come at once or when the test says. */
final class FakeLink implements Link {
    private final String id;
    private final Bearer bearer;
    private final Pacing pacing;
    private final GatewayClock clock;
    final List<CallRequest> calls = new ArrayList<>();
    final List<Long> callTimes = new ArrayList<>();
    final Map<String, CompletableFuture<CallReceipt>> awaitingReceipt = new LinkedHashMap<>();
    volatile LinkState state = LinkState.UP;
    /** Receipt stamped with the call instant, before {@code call} returns. */
    boolean autoReceipt = true;
    /** Sees each call that went out (e.g. to schedule the simulated units' answers). */
    Consumer<CallRequest> onSent = request -> { };

    FakeLink(String id, Bearer bearer, Pacing pacing, GatewayClock clock) {
        this.id = id;
        this.bearer = bearer;
        this.pacing = pacing;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Bearer bearer() {
        return bearer;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public LinkStatus status() {
        return new LinkStatus(id, "fake", state, MusterFixtures.EPOCH, "memory", "", 0, 0, 0, 0);
    }

    @Override
    public Pacing pacing() {
        return pacing;
    }

    @Override
    public CompletionStage<CallReceipt> call(CallRequest request) {
        calls.add(request);
        callTimes.add(clock.monotonicNanos());
        if (state != LinkState.UP) {
            return CompletableFuture.failedFuture(new LinkUnavailableException(id, "down"));
        }
        onSent.accept(request);
        if (autoReceipt) {
            return CompletableFuture.completedFuture(MusterFixtures.receipt(request.callRef(), clock.monotonicNanos()));
        }
        CompletableFuture<CallReceipt> future = new CompletableFuture<>();
        awaitingReceipt.put(request.callRef(), future);
        return future;
    }

    void completeReceipt(String callRef, long sentNanos, String... refused) {
        awaitingReceipt.remove(callRef).complete(MusterFixtures.receipt(callRef, sentNanos, refused));
    }
}
