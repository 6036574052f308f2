package dev.outpost.gateway.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failed opens become messages an operator can act on (the permission case cannot be staged as root). */
class SerialOpenExceptionTest {
    private static final Path BY_ID = Path.of("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0");
    private static final Path TTY = Path.of("/dev/ttyUSB0");

    @Test
    void permissionDeniedPointsAtTheDialoutGroup() {
        for (int errno : new int[] {13, 1}) {
            SerialOpenException e = SerialOpenException.fromErrno(BY_ID, TTY, errno, 0);
            assertEquals(SerialOpenException.Reason.PERMISSION_DENIED, e.reason());
            assertTrue(e.getMessage().contains("permission denied opening serial port " + BY_ID + " (-> " + TTY + ")"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("add the user Outpost runs as to the dialout group"), e.getMessage());
        }
    }

    @Test
    void aHeldLockIsBusy() {
        SerialOpenException e = SerialOpenException.fromErrno(TTY, TTY, 11, 538);
        assertEquals(SerialOpenException.Reason.BUSY, e.reason());
        assertEquals("serial port /dev/ttyUSB0 is busy: another program has it open (ModemManager, a getty, another "
                + "gateway?)", e.getMessage());
    }

    @Test
    void aVanishingDeviceAndOtherErrorsKeepTheErrno() {
        assertEquals(SerialOpenException.Reason.NO_SUCH_PORT, SerialOpenException.fromErrno(TTY, TTY, 19, 0).reason());
        SerialOpenException other = SerialOpenException.fromErrno(TTY, TTY, 22, 1096);
        assertEquals(SerialOpenException.Reason.OTHER, other.reason());
        assertTrue(other.getMessage().contains("errno 22"), other.getMessage());
    }
}
