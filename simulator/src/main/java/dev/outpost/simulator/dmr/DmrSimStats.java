package dev.outpost.simulator.dmr;

/**
 * A snapshot of the DMR simulator's counters.
 *
 * @param stationsRunning  base stations logged in to the master now
 * @param naksReceived     MSTNAKs the base stations received (a wrong passphrase gets one per login attempt)
 * @param peersConnected   peers logged in to the simulated master now
 * @param downlinkBursts   DMRD from the network put on air
 * @param uplinkBursts     DMRD sent to the network from the radios
 * @param requestsReached  radio checks, call alerts and call ends that reached an online radio
 * @param unanswerable     requests for radios that are not there, offline or on another slot
 * @param collisions       collision events (two or more radios in the same burst)
 * @param busyKeyUps       key-ups refused because the slot was busy (the radio tries again later)
 * @param gaveUp           transmissions abandoned after every busy retry
 * @param invalidDatagrams datagrams that did not decode or made no sense in their session
 */
public record DmrSimStats(int stationsRunning, long naksReceived, int peersConnected, long downlinkBursts,
        long uplinkBursts, long requestsReached, long unanswerable, long collisions, long busyKeyUps, long gaveUp,
        long invalidDatagrams) {
}
