package dev.outpost.simulator.serial;

import dev.outpost.simulator.behaviour.UnitBehaviour;
import java.time.Instant;
import java.util.List;

/** A radio brain with a voice channel: roll calls and key-ups heard on it. Called on the radio's thread. */
public interface VoiceChannel extends RadioBrain {

    /** A dispatcher's voice roll call heard at {@code now}; answering units key up one at a time. */
    List<Emission> voiceRollCall(String callId, long now, Instant wall);

    /** {@code unit} keys up on its own at {@code now}, or when the channel is next free. */
    List<Emission> talk(UnitBehaviour unit, long now, Instant wall);
}
