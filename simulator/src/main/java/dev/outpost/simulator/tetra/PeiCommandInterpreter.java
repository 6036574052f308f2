package dev.outpost.simulator.tetra;

import dev.outpost.protocol.pei.PeiFrame;
import dev.outpost.protocol.pei.PeiLimits;
import dev.outpost.protocol.pei.PeiRadioEncoder;
import dev.outpost.protocol.pei.SdsHeader;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AT layer of the simulated PEI: answers each command the terminal sends as a radio would (V.250 echo,
 * {@code OK}, {@code ERROR}, {@code +CME ERROR}, the {@code >} prompt of {@code AT+CMGS} and its {@code +CMGS}
 * report). Pure: frames in, response text out; an accepted SDS is handed back for the fleet to deliver.
 *
 * <p>Error choices (the simulator's, not the standard's): an unknown command or a malformed one gets
 * {@code ERROR}; a well-formed command with a value the radio cannot use, and an SDS body that is not hex or
 * does not match the announced length, get {@code +CME ERROR: 35}. ESC after the prompt cancels the SDS silently.
 */
final class PeiCommandInterpreter {
    static final int CME_BAD_PARAMETER = 35;
    private static final int SDS_INSTANCE = 0;
    /** The SDS status {@code +CMGS} reports for a message handed to the air interface. */
    private static final int SDS_STATUS_SENT = 4;
    private static final Pattern ECHO = Pattern.compile("ATE([01]?)");
    private static final Pattern SERVICE_PROFILE = Pattern.compile("AT\\+CTSP=(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
    private static final Pattern SDS_PARAMETERS = Pattern.compile("AT\\+CTSDS=(\\d{1,2}),(\\d)(,\\d{1,2}){0,3}");
    private static final Pattern SEND = Pattern.compile("AT\\+CMGS=(\\d{1,17}),(\\d{1,4})");
    private static final HexFormat HEX = HexFormat.of();

    private record PendingSend(String destination, int aiService, int lengthBits) {
    }

    private boolean echo = true;
    private int aiService = SdsHeader.SDS_TYPE_4;
    private PendingSend pending;
    private long sequence;
    private long ignoredInput;

    /**
     * Handles one frame from the terminal, appending the radio's answer to {@code out}.
     *
     * @return the SDS to deliver when this frame completed one, else null
     */
    SubmittedSds accept(PeiFrame frame, long recvMono, Instant recvWall, StringBuilder out) {
        if (frame instanceof PeiFrame.CommandLine command) {
            if (echo) {
                out.append(command.text()).append("\r\n");
            }
            if (pending != null) {
                pending = null; // a new command instead of a body: the send is abandoned
            }
            out.append(execute(command.text().toUpperCase(Locale.ROOT)));
            return null;
        }
        if (frame instanceof PeiFrame.Body body && pending != null) {
            return body(body.text().trim(), recvMono, recvWall, out);
        }
        if (frame instanceof PeiFrame.BodyAborted) {
            pending = null;
            return null;
        }
        ignoredInput++; // stray text, garbage, a body with no AT+CMGS before it
        return null;
    }

    /** Forgets a half-done send (the line dropped); the echo and SDS settings survive, as in a real radio. */
    void reset() {
        pending = null;
    }

    boolean echo() {
        return echo;
    }

    long ignoredInput() {
        return ignoredInput;
    }

    private String execute(String command) {
        Matcher m;
        if (command.equals("AT") || command.equals("ATZ")) {
            return ok();
        }
        if ((m = ECHO.matcher(command)).matches()) {
            echo = m.group(1).equals("1");
            return ok();
        }
        if (SERVICE_PROFILE.matcher(command).matches()) {
            return ok();
        }
        if ((m = SDS_PARAMETERS.matcher(command)).matches()) {
            int service = Integer.parseInt(m.group(1));
            if (service < SdsHeader.SDS_TYPE_1 || service > SdsHeader.STATUS || Integer.parseInt(m.group(2)) > 5) {
                return cme();
            }
            aiService = service;
            return ok();
        }
        if ((m = SEND.matcher(command)).matches()) {
            int bits = Integer.parseInt(m.group(2));
            if (bits < 1 || bits > PeiLimits.MAX_SDS_BITS || aiService == SdsHeader.STATUS && bits != 16) {
                return cme();
            }
            pending = new PendingSend(m.group(1), aiService, bits);
            return PeiRadioEncoder.encode(new PeiFrame.Prompt());
        }
        return PeiRadioEncoder.encode(new PeiFrame.Error());
    }

    private SubmittedSds body(String hex, long recvMono, Instant recvWall, StringBuilder out) {
        PendingSend send = pending;
        pending = null;
        if (hex.length() != (send.lengthBits() + 7) / 8 * 2 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            out.append(cme());
            return null;
        }
        sequence++;
        int reference = (int) (sequence % 256);
        out.append(PeiRadioEncoder.encode(new PeiFrame.SdsSent(SDS_INSTANCE, SDS_STATUS_SENT, reference)))
                .append(ok());
        return new SubmittedSds(sequence, reference, send.destination(), send.aiService(), send.lengthBits(),
                HEX.parseHex(hex), recvMono, recvWall);
    }

    private static String ok() {
        return PeiRadioEncoder.encode(new PeiFrame.Ok());
    }

    private static String cme() {
        return PeiRadioEncoder.encode(new PeiFrame.CmeError(CME_BAD_PARAMETER));
    }
}
