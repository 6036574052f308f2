package dev.outpost.simulator.serial;

import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A started simulated radio: its port, the units behind it and their voice channel. Closing it stops its
 * threads and frees the port; the ground truth stays open (its owner closes it).
 */
public abstract class RunningRadio implements AutoCloseable {
    private final BehaviourModel fleet;
    private final VoiceChannel channel;
    private final RadioDriver driver;

    protected RunningRadio(BehaviourModel fleet, VoiceChannel channel, RadioDriver driver) {
        this.fleet = fleet;
        this.channel = channel;
        this.driver = driver;
    }

    /** Where the port is, e.g. {@code pty /tmp/x/radio} or {@code tcp 127.0.0.1:41234}. */
    public String endpoint() {
        return driver.line().describe();
    }

    /** The bound TCP port, for a TCP endpoint (useful with port 0). */
    public OptionalInt tcpPort() {
        return driver.line().tcpPort();
    }

    /** Whether a client is connected (TCP) or the pty is open. */
    public boolean connected() {
        return driver.line().connected();
    }

    /** The units behind the radio, keyed by their address on its bearer, with their rolled traits. */
    public BehaviourModel fleet() {
        return fleet;
    }

    public LineStats lineStats() {
        return driver.line().stats();
    }

    /** A dispatcher's voice roll call, heard now: answering units key up one at a time after their delays. */
    public void voiceRollCall(String callId) {
        driver.run(() -> channel.voiceRollCall(callId, System.nanoTime(), Instant.now()));
    }

    /** The unit with this id keys up now (or when the channel is free); false if it is not on this radio. */
    public boolean talk(String unitId) {
        Optional<UnitBehaviour> unit = fleet.all().stream().filter(u -> u.unitId().equals(unitId)).findFirst();
        unit.ifPresent(u -> driver.run(() -> channel.talk(u, System.nanoTime(), Instant.now())));
        return unit.isPresent();
    }

    /** Puts {@code bytes} on the line as they are, after whatever is queued (line noise for tests). */
    public void injectNoise(byte[] bytes) {
        byte[] copy = bytes.clone();
        driver.run(() -> List.of(new Emission(Long.MIN_VALUE, copy, null)));
    }

    protected RadioDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
