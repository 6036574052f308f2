package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.dmr.Csbk;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The air side of one simulated repeater: its two slots and the radios behind it. DMRD from the network goes on
 * air on its slot; radios answer radio checks (auto-ack in the burst held for it), call alerts (after a person's
 * delay) and group calls (keying up after the call ended, whether it came from the network or from the dispatcher's
 * radio on the slot); their bursts go back to the network as each burst is complete. A reply that finds the slot
 * busy, or that collided (the person hears no answer), is spoken again after a random back-off, a few times at
 * most. Sans-I/O: driven by a {@link DmrScheduler}; {@code network} takes the DMRD to send. One thread.
 */
final class SimRepeater {
    static final String RADIO_CHECK = "radio_check";
    static final String CALL_ALERT = "call_alert";
    static final String VOICE = "voice";
    static final String DISPATCHER = "dispatcher";
    /** The dispatcher keys up again this long after finding the slot busy or being garbled. */
    private static final long DISPATCHER_RETRY_NANOS = 300_000_000L;

    /** A request on the downlink, for the radio {@code target}. */
    private record Request(String kind, int target, int requester, String callId) {
    }

    /** The end of a group call on the downlink (its terminator). */
    private record CallEnd(int talkgroup, String callId) {
    }

    /** The dispatcher's call on a talkgroup, spoken on the air of one slot (a console radio, or the network's). */
    private record DispatcherCall(int dispatcherId, int talkgroup, String callId, long streamId) {
    }

    /** Why a radio transmits: answering {@code callId} (null for unprompted traffic), the n-th try. */
    private record Answer(SimRadio radio, String kind, String callId, long reachNanos, int destination, long streamId,
            int attempt) {
        Answer retry() {
            return new Answer(radio, kind, callId, reachNanos, destination, streamId, attempt + 1);
        }
    }

    private final long peerId;
    private final int colourCode;
    private final DmrScheduler scheduler;
    private final GroundTruth truth;
    private final DmrCounters counters;
    private final Consumer<Dmrd> network;
    private final Set<Integer> talkgroups;
    private final Map<Integer, SimRadio> radios = new LinkedHashMap<>();
    private final SlotChannel[] slots = new SlotChannel[3];
    private long nextStreamId;

    /** A repeater whose TDMA frames start now. */
    SimRepeater(long peerId, int colourCode, Collection<SimRadio> radios, Set<Integer> talkgroups,
            DmrScheduler scheduler, GroundTruth truth, DmrCounters counters, Consumer<Dmrd> network) {
        this(peerId, colourCode, 0, radios, talkgroups, scheduler, truth, counters, network);
    }

    /** @param phaseNanos how long after now its first TDMA frame starts (see {@link AirTime#phaseOf}) */
    SimRepeater(long peerId, int colourCode, long phaseNanos, Collection<SimRadio> radios, Set<Integer> talkgroups,
            DmrScheduler scheduler, GroundTruth truth, DmrCounters counters, Consumer<Dmrd> network) {
        this.peerId = peerId;
        this.colourCode = colourCode;
        this.scheduler = scheduler;
        this.truth = truth;
        this.counters = counters;
        this.network = network;
        this.talkgroups = Set.copyOf(talkgroups);
        radios.forEach(r -> this.radios.put(r.dmrId(), r));
        long epoch = scheduler.now() + phaseNanos;
        for (int slot = 1; slot <= 2; slot++) {
            slots[slot] = new SlotChannel(slot, epoch, scheduler, new Air(slot));
        }
        this.nextStreamId = (peerId * 1_000_003L) & 0xFFFF_FFFFL;
    }

    long peerId() {
        return peerId;
    }

    SlotChannel slot(int slot) {
        return slots[slot];
    }

    Collection<SimRadio> radios() {
        return radios.values();
    }

    /** DMRD from the network, read at {@code arrivedNanos}: it queues for its slot's air. */
    void fromNetwork(Dmrd frame, long arrivedNanos) {
        counters.downlink.incrementAndGet();
        String callId = "s" + frame.streamId();
        Object context = null;
        int hold = 0;
        DmrSignal signal = DmrInterpreter.interpret(frame);
        if (signal instanceof DmrSignal.ControlBlock block && frame.callType() == Dmrd.CallType.PRIVATE) {
            Csbk csbk = block.csbk();
            if (csbk instanceof Csbk.ExtendedFunction f && f.function() == Csbk.FUNCTION_RADIO_CHECK) {
                SimRadio radio = radios.get(f.target());
                hold = radio != null && radio.slot() == frame.slot() ? radio.ackGapBursts() : 1;
                context = new Request(RADIO_CHECK, f.target(), f.source(), callId);
            } else if (csbk instanceof Csbk.CallAlert alert) {
                context = new Request(CALL_ALERT, alert.target(), alert.source(), callId);
            }
        } else if (signal instanceof DmrSignal.VoiceTerminator && frame.callType() == Dmrd.CallType.GROUP) {
            context = new CallEnd(frame.destination(), callId);
        }
        slots[frame.slot()].sendDownlink(new SlotChannel.Downlink(frame, hold, arrivedNanos, context));
    }

    /** Radio {@code dmrId} keys up now, unprompted, on {@code talkgroup} for {@code superframes} x 360 ms. */
    boolean keyUp(int dmrId, int talkgroup, int superframes) {
        SimRadio radio = radios.get(dmrId);
        if (radio == null) {
            return false;
        }
        keyUpVoice(radio, new Answer(radio, VOICE, null, 0, talkgroup, newStreamId(), 0), superframes);
        return true;
    }

    /**
     * The dispatcher ({@code dispatcherId}, no unit) speaks now on {@code talkgroup} on {@code slot} for
     * {@code superframes} x 360 ms: the call goes on air like any radio's and to the network; when it ends, the
     * radios on the slot answer it.
     */
    void dispatch(int dispatcherId, int talkgroup, int slot, int superframes) {
        long streamId = newStreamId();
        DmrRoute.Stream stream = new DmrRoute.Stream(streamId, dispatcherId, talkgroup, Dmrd.CallType.GROUP);
        List<Dmrd> call = DmrFrames.voiceCall(route(slot), stream, superframes);
        slots[slot].keyUp(new SlotChannel.Uplink(dispatcherId, call, new DispatcherCall(dispatcherId, talkgroup,
                "d" + streamId, streamId)));
    }

    private void keyUpVoice(SimRadio radio, Answer answer, int superframes) {
        DmrRoute.Stream stream = new DmrRoute.Stream(answer.streamId(), radio.dmrId(), answer.destination(),
                Dmrd.CallType.GROUP);
        List<Dmrd> call = DmrFrames.voiceCall(route(radio.slot()), stream, superframes);
        slots[radio.slot()].keyUp(new SlotChannel.Uplink(radio.dmrId(), call, answer));
    }

    private DmrRoute route(int slot) {
        return new DmrRoute(peerId, slot, colourCode, false);
    }

    private long newStreamId() {
        nextStreamId = (nextStreamId + 1) & 0xFFFF_FFFFL;
        return nextStreamId == 0 ? newStreamId() : nextStreamId;
    }

    private void deliver(TruthEntry.DmrDelivered entry) {
        counters.reached.incrementAndGet();
        truth.record(entry);
    }

    /** One slot's events. */
    private final class Air implements SlotListener {
        private final int slot;

        Air(int slot) {
            this.slot = slot;
        }

        @Override
        public void downlinkOnAir(SlotChannel.Downlink downlink, long burst, long airStart, long airEnd) {
            if (downlink.context() instanceof Request request) {
                onRequest(request, downlink, burst, airStart, airEnd);
            } else if (downlink.context() instanceof CallEnd end) {
                onCallEnd(end, downlink, airStart, airEnd);
            }
        }

        private void onRequest(Request request, SlotChannel.Downlink downlink, long burst, long airStart, long reach) {
            SimRadio radio = radios.get(request.target());
            if (radio == null || radio.slot() != slot || !radio.online()) {
                counters.unanswerable.incrementAndGet();
                return;
            }
            deliver(new TruthEntry.DmrDelivered(request.callId(), radio.unitId(), radio.dmrId(), request.kind(),
                    peerId, slot, downlink.arrivedNanos(), airStart, reach));
            Answer answer = new Answer(radio, request.kind(), request.callId(), reach, request.requester(),
                    newStreamId(), 0);
            if (request.kind().equals(RADIO_CHECK)) {
                Dmrd ack = DmrFrames.radioCheckAck(route(slot), answer.streamId(), 0, radio.dmrId(),
                        request.requester());
                slots[slot].transmitHeld(new SlotChannel.Uplink(radio.dmrId(), List.of(ack), answer),
                        burst + downlink.holdBursts());
            } else {
                Dmrd ack = DmrFrames.callAlertAck(route(slot), answer.streamId(), 0, radio.dmrId(),
                        request.requester());
                radio.confirmDelayNanos().ifPresent(delay -> scheduler.at(reach + delay,
                        () -> slots[slot].keyUp(new SlotChannel.Uplink(radio.dmrId(), List.of(ack), answer))));
            }
        }

        private void onCallEnd(CallEnd end, SlotChannel.Downlink downlink, long airStart, long reach) {
            answerGroupCall(end.talkgroup(), end.callId(), downlink.arrivedNanos(), airStart, reach);
        }

        /** A group call ended on this slot at {@code reach}: its radios heard it, and those who answer key up. */
        private void answerGroupCall(int talkgroup, String callId, long arrived, long airStart, long reach) {
            if (!talkgroups.isEmpty() && !talkgroups.contains(talkgroup)) {
                return;
            }
            for (SimRadio radio : radios.values()) {
                if (radio.slot() != slot || !radio.online()) {
                    continue;
                }
                deliver(new TruthEntry.DmrDelivered(callId, radio.unitId(), radio.dmrId(), VOICE, peerId, slot,
                        arrived, airStart, reach));
                if (radio.answersVoice()) {
                    Answer answer = new Answer(radio, VOICE, callId, reach, talkgroup, newStreamId(), 0);
                    int superframes = radio.voiceSuperframes();
                    scheduler.at(reach + radio.keyUpDelayNanos(), () -> keyUpVoice(radio, answer, superframes));
                }
            }
        }

        @Override
        public void uplinkBurst(SlotChannel.Uplink uplink, int index, long airStart, long burstEnd) {
            if (uplink.context() instanceof DispatcherCall call) {
                dispatcherBurst(uplink, call, index, airStart, burstEnd);
                return;
            }
            Answer answer = (Answer) uplink.context();
            SimRadio radio = answer.radio();
            long now = scheduler.now();
            if (index == 0 && answer.callId() != null) {
                truth.record(new TruthEntry.DmrReplied(answer.callId(), radio.unitId(), radio.dmrId(), answer.kind(),
                        peerId, slot, answer.reachNanos(), airStart, now, java.time.Instant.now(),
                        airStart - answer.reachNanos()));
            }
            int bursts = uplink.bursts().size();
            if (index == bursts - 1) {
                truth.record(keyUp(answer, airStart, AirTime.end(airStart, bursts), bursts, "sent"));
            }
            counters.uplink.incrementAndGet();
            network.accept(uplink.bursts().get(index));
        }

        private void dispatcherBurst(SlotChannel.Uplink uplink, DispatcherCall call, int index, long airStart,
                long burstEnd) {
            counters.uplink.incrementAndGet();
            network.accept(uplink.bursts().get(index));
            int bursts = uplink.bursts().size();
            if (index == bursts - 1) {
                truth.record(new TruthEntry.DmrKeyUp("", call.dispatcherId(), DISPATCHER, peerId, slot,
                        call.talkgroup(), call.streamId(), airStart, scheduler.now(), bursts, "sent"));
                answerGroupCall(call.talkgroup(), call.callId(), airStart, airStart, burstEnd);
            }
        }

        @Override
        public void uplinkCollided(List<SlotChannel.Uplink> garbled, long airStart, long airEnd) {
            counters.collisions.incrementAndGet();
            for (SlotChannel.Uplink uplink : garbled) {
                if (uplink.context() instanceof DispatcherCall) {
                    dispatcherAgainLater(uplink, airEnd);
                    continue;
                }
                Answer answer = (Answer) uplink.context();
                List<Integer> others = garbled.stream().filter(u -> u != uplink).map(SlotChannel.Uplink::source)
                        .toList();
                int bursts = uplink.bursts().size();
                long end = AirTime.end(airStart, bursts);
                truth.record(new TruthEntry.DmrCollision(answer.radio().unitId(), uplink.source(), answer.kind(),
                        peerId, slot, airStart, end, others));
                truth.record(keyUp(answer, airStart, end, bursts, "collided"));
                if (answer.kind().equals(VOICE)) {
                    tryAgainLater(uplink, answer, airEnd); // nobody answers a garbled reply: the person says it again
                }
            }
        }

        @Override
        public void uplinkBusy(SlotChannel.Uplink uplink, long now) {
            counters.busy.incrementAndGet();
            if (uplink.context() instanceof DispatcherCall) {
                dispatcherAgainLater(uplink, now);
                return;
            }
            tryAgainLater(uplink, (Answer) uplink.context(), now);
        }

        private void dispatcherAgainLater(SlotChannel.Uplink uplink, long now) {
            scheduler.at(now + DISPATCHER_RETRY_NANOS, () -> slots[slot].keyUp(uplink));
        }

        /** After a random back-off, unless its tries are used up: then it gives up. */
        private void tryAgainLater(SlotChannel.Uplink uplink, Answer answer, long now) {
            if (answer.attempt() < answer.radio().maxBusyRetries()) {
                SlotChannel.Uplink again = new SlotChannel.Uplink(uplink.source(), uplink.bursts(), answer.retry());
                scheduler.at(now + answer.radio().busyRetryNanos(), () -> slots[slot].keyUp(again));
            } else {
                counters.gaveUp.incrementAndGet();
                truth.record(keyUp(answer, now, now, 0, "gave_up"));
            }
        }

        private TruthEntry.DmrKeyUp keyUp(Answer answer, long start, long end, int bursts, String outcome) {
            return new TruthEntry.DmrKeyUp(answer.radio().unitId(), answer.radio().dmrId(), answer.kind(), peerId,
                    slot, answer.destination(), answer.streamId(), start, end, bursts, outcome);
        }
    }
}
