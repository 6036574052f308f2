package dev.outpost.simulator;

/**
 * A snapshot of what the simulator has done so far.
 *
 * @param rollCallsReceived roll_call requests accepted from clients
 * @param callsDelivered    unit calls delivered to online units (one per unit per roll call)
 * @param callsRefused      unit calls refused (offline or unknown users)
 * @param acksSent          roll_call_ack events written
 * @param acksLost          acks whose calling connection had closed before the reply was due
 * @param invalidFrames     frames that did not decode or were not valid requests
 * @param connectedClients  WebSocket connections open now
 * @param loggedOnClients   connections that have logged on
 * @param drops             connections closed by the server (bad token, missed pings, fault knob)
 */
public record SimulatorStats(
        long rollCallsReceived,
        long callsDelivered,
        long callsRefused,
        long acksSent,
        long acksLost,
        long invalidFrames,
        int connectedClients,
        int loggedOnClients,
        long drops) {
}
