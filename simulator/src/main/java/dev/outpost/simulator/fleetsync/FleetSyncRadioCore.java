package dev.outpost.simulator.fleetsync;

import dev.outpost.protocol.fleetsync.FleetSyncIdent;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.serial.Emission;
import dev.outpost.simulator.serial.VoiceChannel;
import dev.outpost.simulator.serial.RadioTruth;
import dev.outpost.simulator.serial.TalkFloor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated Kenwood radio's logic, without I/O: plans the key-ups heard on its channel (one talker at a
 * time) and the sentences its PC port writes for each. The radio does not read its port; input is only counted.
 */
final class FleetSyncRadioCore implements VoiceChannel {
    static final String PTT = "ptt";
    static final String PTT_CORRUPT = "ptt-corrupt";

    private final FleetSyncRadioOptions options;
    private final BehaviourModel fleet;
    private final RadioTruth truth;
    private final TalkFloor floor;
    private final SplittableRandom random;
    private long rollCalls;

    FleetSyncRadioCore(FleetSyncRadioOptions options, BehaviourModel fleet, RadioTruth truth, long seed) {
        this.options = options;
        this.fleet = fleet;
        this.truth = truth;
        this.floor = new TalkFloor(options.talkTime().toNanos());
        this.random = new SplittableRandom(seed * 31 + 0x5EED);
    }

    @Override
    public List<Emission> onBytes(byte[] data, long recvMonoNanos, Instant recvWall) {
        return List.of(); // the PC port only reports; what the line counts is enough
    }

    @Override
    public void onConnectionChange(boolean connected) {
        // nothing is buffered: every sentence is planned whole
    }

    @Override
    public List<Emission> voiceRollCall(String callId, long now, Instant wall) {
        rollCalls++;
        List<UnitBehaviour> heard = truth.hear(callId, fleet, unit -> unit.unit().fleetsyncId(), now, wall);
        List<Emission> out = new ArrayList<>();
        for (TalkFloor.Talk talk : floor.rollCall(heard, now)) {
            UnitBehaviour unit = talk.unit();
            long planned = talk.startAt() - now;
            out.addAll(keyUp(talk, options.ackStatus(), wall.plusNanos(planned),
                    status -> RadioTruth.reply(callId, unit, unit.unit().fleetsyncId(), status, now, planned)));
        }
        return out;
    }

    /** {@code fs-voice-<n>}: the call id of the next periodic roll call. */
    String nextRollCallId() {
        return "fs-voice-" + (rollCalls + 1);
    }

    @Override
    public List<Emission> talk(UnitBehaviour unit, long now, Instant wall) {
        TalkFloor.Talk talk = floor.reserve(unit, now);
        return keyUp(talk, 0, wall.plusNanos(talk.startAt() - now),
                status -> RadioTruth.keyUp(unit, unit.unit().fleetsyncId(), status));
    }

    List<Emission> backgroundTalk(long now, Instant wall) {
        UnitBehaviour unit = TalkFloor.pickTalker(fleet.online(), random);
        return unit == null ? List.of() : talk(unit, now, wall);
    }

    private interface TruthFor {
        Emission.TruthOnSend entry(String status);
    }

    private List<Emission> keyUp(TalkFloor.Talk talk, int status, Instant startWall, TruthFor truthFor) {
        FleetSyncIdent ident = FleetSyncSentenceMaker.ident(talk.unit().unit(), status);
        String pttId = FleetSyncSentenceMaker.pttId(ident);
        boolean corrupt = random.nextDouble() < options.corruptFraction();
        if (corrupt) {
            pttId = FleetSyncSentenceMaker.corrupt(pttId, random);
        }
        List<Emission> out = new ArrayList<>();
        out.add(Emission.at(talk.startAt(), pttId, truthFor.entry(corrupt ? PTT_CORRUPT : PTT)));
        if (random.nextDouble() < options.positionFraction()) {
            String position = FleetSyncSentenceMaker.position(talk.unit().unit(), ident, startWall);
            if (position != null) {
                boolean corruptPosition = random.nextDouble() < options.corruptFraction();
                out.add(Emission.at(talk.startAt(), corruptPosition
                        ? FleetSyncSentenceMaker.corrupt(position, random) : position, null));
            }
        }
        return out;
    }
}
