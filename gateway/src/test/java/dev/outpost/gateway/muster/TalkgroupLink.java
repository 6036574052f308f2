package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.TalkgroupVoiceLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An in-memory DMR link whose voice musters listen on a talkgroup; it records any call (there should be none). */
final class TalkgroupLink implements Link, TalkgroupVoiceLink {
    private final String id;
    private final TalkgroupVoice voice;
    final List<CallRequest> calls = new ArrayList<>();

    TalkgroupLink(String id, Optional<Integer> dispatcherId, Optional<Integer> talkgroup) {
        this.id = id;
        this.voice = new TalkgroupVoice(dispatcherId, talkgroup);
    }

    @Override
    public TalkgroupVoice talkgroupVoice() {
        return voice;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Bearer bearer() {
        return Bearer.DMR;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public LinkStatus status() {
        return new LinkStatus(id, "fake", LinkState.UP, MusterFixtures.EPOCH, "memory", "", 0, 0, 0, 0);
    }

    @Override
    public Pacing pacing() {
        return new Pacing(8, 1, 1);
    }

    /** Units 1-3 are on slot 1 of station 7, the others on slot 2, as an hbp-master's routes would put them. */
    @Override
    public Optional<String> channelOf(String address) {
        return Optional.of(Integer.parseInt(address) <= 1003 ? "7/1" : "7/2");
    }

    @Override
    public CompletionStage<CallReceipt> call(CallRequest request) {
        calls.add(request);
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no calls on a talkgroup"));
    }
}
