package dev.outpost.simulator.tetra;

import dev.outpost.protocol.pei.PeiFrame;
import dev.outpost.protocol.pei.PeiRadioEncoder;
import dev.outpost.protocol.pei.PeiStreamDecoder;
import dev.outpost.protocol.pei.TetraIdentity;
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
 * The simulated TETRA radio's logic, without I/O: decodes what the terminal sends, answers through
 * {@link PeiCommandInterpreter}, delivers SDSs to the fleet ({@link TetraFleetResponder}) and plans voice
 * traffic on the group channel ({@link TalkFloor}). Every call is on the radio's one thread.
 */
final class PeiRadioCore implements VoiceChannel {
    /** The call control instance of the simulated group call the talkers are heard on. */
    private static final int GROUP_CALL = 1;
    private static final int TSI_DIGITS = 17;
    private static final int SSI_DIGITS = 8;

    private final PeiStreamDecoder decoder = new PeiStreamDecoder();
    private final PeiCommandInterpreter interpreter = new PeiCommandInterpreter();
    private final PeiRadioOptions options;
    private final BehaviourModel fleet;
    private final RadioTruth truth;
    private final TetraFleetResponder responder;
    private final TalkFloor floor;
    private final SplittableRandom random;
    private long sdsAccepted;

    PeiRadioCore(PeiRadioOptions options, BehaviourModel fleet, RadioTruth truth, long seed) {
        this.options = options;
        this.fleet = fleet;
        this.truth = truth;
        this.responder = new TetraFleetResponder(options, fleet, truth);
        this.floor = new TalkFloor(options.talkTime().toNanos());
        this.random = new SplittableRandom(seed ^ options.radioIssi());
    }

    @Override
    public List<Emission> onBytes(byte[] data, long recvMonoNanos, Instant recvWall) {
        StringBuilder answer = new StringBuilder();
        List<Emission> later = new ArrayList<>();
        for (PeiFrame frame : decoder.feed(data)) {
            SubmittedSds sds = interpreter.accept(frame, recvMonoNanos, recvWall, answer);
            if (sds != null) {
                sdsAccepted++;
                later.addAll(deliver(sds));
            }
        }
        List<Emission> out = new ArrayList<>();
        if (answer.length() > 0) {
            out.add(Emission.now(answer.toString()));
        }
        out.addAll(later);
        return out;
    }

    @Override
    public void onConnectionChange(boolean connected) {
        decoder.reset();
        interpreter.reset();
    }

    private List<Emission> deliver(SubmittedSds sds) {
        String digits = sds.destination();
        String address = digits.length() == TSI_DIGITS ? digits.substring(TSI_DIGITS - SSI_DIGITS) : digits;
        address = Long.toString(Long.parseLong(address)); // no leading zeros: the registry's form
        if (options.voiceGroup() != 0 && address.equals(Long.toString(options.voiceGroup()))) {
            return voiceRollCall(sds.callId(), sds.recvMonoNanos(), sds.recvWall());
        }
        String unitAddress = address;
        return responder.reach(sds, address).map(unit -> responder.deliver(sds, unit, unitAddress))
                .orElse(List.of());
    }

    @Override
    public List<Emission> voiceRollCall(String callId, long now, Instant wall) {
        List<UnitBehaviour> heard = truth.hear(callId, fleet, PeiRadioCore::issi, now, wall);
        List<Emission> out = new ArrayList<>();
        for (TalkFloor.Talk talk : floor.rollCall(heard, now)) {
            out.addAll(talkSpurt(talk, RadioTruth.reply(callId, talk.unit(), issi(talk.unit()), "talk", now,
                    talk.startAt() - now)));
        }
        return out;
    }

    @Override
    public List<Emission> talk(UnitBehaviour unit, long now, Instant wall) {
        return talkSpurt(floor.reserve(unit, now), RadioTruth.keyUp(unit, issi(unit), "talk"));
    }

    /** A random online unit talks: background traffic. */
    List<Emission> backgroundTalk(long now) {
        UnitBehaviour unit = TalkFloor.pickTalker(fleet.online(), random);
        return unit == null ? List.of() : talk(unit, now, Instant.now());
    }

    /** A line of bytes that are mostly not ASCII, ended by CR LF: what a noisy cable delivers. */
    List<Emission> noise() {
        byte[] garbage = new byte[8 + random.nextInt(24)];
        for (int i = 0; i < garbage.length - 2; i++) {
            garbage[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : 0x20 + random.nextInt(0x5F));
        }
        garbage[garbage.length - 2] = '\r';
        garbage[garbage.length - 1] = '\n';
        return List.of(new Emission(Long.MIN_VALUE, garbage, null));
    }

    private List<Emission> talkSpurt(TalkFloor.Talk talk, Emission.TruthOnSend onGrant) {
        TetraIdentity talker = TetraIdentity.ssi(talk.unit().unit().issi());
        String grant = PeiRadioEncoder.encode(new PeiFrame.TxGrant(GROUP_CALL, PeiFrame.TxGrant.GRANTED_TO_ANOTHER,
                0, 0, talker));
        String ceased = PeiRadioEncoder.encode(new PeiFrame.TxCeased(GROUP_CALL, 0));
        return List.of(Emission.at(talk.startAt(), grant, onGrant), Emission.at(talk.endAt(), ceased, null));
    }

    private static String issi(UnitBehaviour unit) {
        return Long.toString(unit.unit().issi());
    }

    long sdsAccepted() {
        return sdsAccepted;
    }

    long ignoredInput() {
        return interpreter.ignoredInput();
    }
}
