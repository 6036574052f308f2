package dev.outpost.gateway.link.pei;

import dev.outpost.config.StatusMeanings;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.serial.SerialDriverOptions;
import dev.outpost.gateway.link.serial.SerialEndpoint;
import dev.outpost.gateway.link.serial.SerialSettings;
import dev.outpost.protocol.pei.PeiSessionConfig;
import java.util.Objects;

/**
 * Everything a {@link PeiLink} needs.
 *
 * @param pollBySds     true: a poll is an SDS-TL text asking for a delivery report; false: a status poll
 * @param pollStatus    the status a status poll sends
 * @param confirmStatus the status a confirm call sends; the unit answers with one of {@code statuses.ackStatuses()}
 * @param statuses      the fleet's status meanings, from config
 */
public record PeiLinkOptions(String id, SerialEndpoint endpoint, SerialSettings serial, SerialDriverOptions driver,
        PeiSessionConfig session, boolean pollBySds, int pollStatus, int confirmStatus, StatusMeanings statuses) {

    /**
     * Bytes on the line per call, both ways, with a 7-digit ISSI: out {@code AT+CMGS=1234567,16<CR>} (19) and the
     * body {@code 8000^Z} (5); in the prompt {@code <CR><LF>> } (4), {@code <CR><LF>+CMGS: 0,4,12<CR><LF>} (16)
     * and {@code <CR><LF>OK<CR><LF>} (6). The service is set once ({@code AT+CTSDS}) while it does not change.
     */
    static final int BYTES_PER_CALL = 19 + 5 + 4 + 16 + 6;

    public PeiLinkOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(statuses, "statuses");
    }

    /**
     * One AT command in flight (the session enforces it; a call's receipt comes with its {@code OK}), one ISSI per
     * call, and at most as many calls per second as the line carries their bytes: at 9600 baud 8N1, 50 bytes take
     * 52 ms, so 19.2 calls/s (the radio's own turnaround makes the real rate lower still).
     */
    public Pacing pacing() {
        return new Pacing(1e9 / serial.wireTimeNanos(BYTES_PER_CALL), 1, 1);
    }
}
