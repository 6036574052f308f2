package dev.outpost.gateway.systemd;

import java.util.Map;

/**
 * Tells the service manager about the daemon's state (sd_notify): {@code READY=1}, {@code WATCHDOG=1},
 * {@code STATUS=...}, {@code RELOADING=1}, {@code STOPPING=1}. Off systemd it does nothing.
 */
public interface ServiceNotifier extends AutoCloseable {

    /** A notifier that sends nothing: not under systemd, or no usable socket. */
    ServiceNotifier NONE = new ServiceNotifier() {
        @Override
        public boolean send(String state) {
            return false;
        }

        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Sends one datagram of newline-separated {@code KEY=value} assignments.
     *
     * @return whether it was sent; failures are logged (once) and never thrown
     */
    boolean send(String state);

    /** Whether anything is listening, i.e. whether this is a real notify socket. */
    boolean active();

    @Override
    void close();

    /** The notifier for {@code $NOTIFY_SOCKET}, or {@link #NONE} when it is unset or cannot be used here. */
    static ServiceNotifier fromEnvironment(Map<String, String> env) {
        String address = env.get("NOTIFY_SOCKET");
        if (address == null || address.isBlank()) {
            return NONE;
        }
        return NotifySocket.open(address).orElse(NONE);
    }
}
