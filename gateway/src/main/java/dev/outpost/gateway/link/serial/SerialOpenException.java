package dev.outpost.gateway.link.serial;

import java.io.IOException;
import java.nio.file.Path;

/** A port could not be opened; {@link #getMessage()} says why and what to do about it. */
public final class SerialOpenException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why an open failed, for code that reacts differently (all are retried by the driver). */
    public enum Reason { NO_SUCH_PORT, PERMISSION_DENIED, BUSY, NATIVE_LIBRARY, UNREACHABLE, OTHER }

    // Linux errno values jSerialComm reports from open(2), flock(2) and ioctl(2).
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int ENXIO = 6;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENODEV = 19;

    private final Reason reason;

    public SerialOpenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SerialOpenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static SerialOpenException noSuchPort(Path device) {
        return new SerialOpenException(Reason.NO_SUCH_PORT, "no such serial port: " + device
                + " (is the adapter plugged in? list /dev/serial/by-id/ for the stable names)");
    }

    static SerialOpenException permissionDenied(Path device, Path resolved) {
        return new SerialOpenException(Reason.PERMISSION_DENIED, "permission denied opening serial port " + device
                + via(device, resolved) + ": add the user Outpost runs as to the dialout group"
                + " (usermod -aG dialout <user>, then log in again or restart the service)");
    }

    /**
     * Classifies a failed open by the errno jSerialComm reports. EAGAIN comes from jSerialComm's exclusive
     * lock on the port, which another process holds.
     */
    static SerialOpenException fromErrno(Path device, Path resolved, int errno, int nativeLine) {
        String where = device + via(device, resolved);
        return switch (errno) {
            case EACCES, EPERM -> permissionDenied(device, resolved);
            case EAGAIN, EBUSY -> new SerialOpenException(Reason.BUSY, "serial port " + where
                    + " is busy: another program has it open (ModemManager, a getty, another gateway?)");
            case ENOENT, ENXIO, ENODEV -> new SerialOpenException(Reason.NO_SUCH_PORT, "serial port " + where
                    + " went away while opening it (errno " + errno + ")");
            default -> new SerialOpenException(Reason.OTHER, "cannot open serial port " + where + ": errno " + errno
                    + " (jSerialComm native line " + nativeLine + ")");
        };
    }

    private static String via(Path device, Path resolved) {
        return resolved == null || resolved.equals(device) ? "" : " (-> " + resolved + ")";
    }
}
