package dev.outpost.config;

import java.util.Map;
import java.util.Optional;

/** Binders of the serial radio link types, {@code pei} and {@code fleetsync}. */
final class SerialLinkBinders {
    static final String PEI_STATUS_RULE = "four hex digits, quoted, e.g. \"8002\"";
    static final String FLEETSYNC_STATUS_RULE = "two digits 10..99";
    private static final Map<String, PeiLinkSettings.PollMode> POLL_MODES = Map.of(
            "status", PeiLinkSettings.PollMode.STATUS, "sds", PeiLinkSettings.PollMode.SDS);

    private SerialLinkBinders() {
    }

    /** A PEI status: four hex digits. */
    static Integer peiStatus(String text) {
        return text.matches("[0-9A-Fa-f]{4}") ? Integer.valueOf(text, 16) : null;
    }

    /** A FleetSync status: two decimal digits 10..99. */
    static Integer fleetSyncStatus(String text) {
        return text.matches("[1-9][0-9]") ? Integer.valueOf(text) : null;
    }

    static final class Pei implements LinkBinder {
        static final int DEFAULT_POLL_STATUS = 0x8000;
        static final int DEFAULT_CONFIRM_STATUS = 0x8001;

        @Override
        public String type() {
            return PeiLinkSettings.TYPE;
        }

        @Override
        public Optional<LinkSettings> bind(String id, MapReader r) {
            int errorsBefore = r.context().errorCount();
            Optional<SerialPortSettings> serial = SerialPortBinder.bind(r);
            PeiLinkSettings.PollMode poll = Values.choice(r, "poll", POLL_MODES).orElse(PeiLinkSettings.PollMode.STATUS);
            int pollStatus = status(r, "poll_status", DEFAULT_POLL_STATUS);
            int confirmStatus = status(r, "confirm_status", DEFAULT_CONFIRM_STATUS);
            StatusMeanings statuses = StatusMeanings.read(r, SerialLinkBinders::peiStatus, PEI_STATUS_RULE);
            if (r.context().errorCount() != errorsBefore || serial.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PeiLinkSettings(id, serial.get(), poll, pollStatus, confirmStatus, statuses));
        }

        private static int status(MapReader r, String key, int fallback) {
            Optional<String> text = r.string(key);
            if (text.isEmpty()) {
                return fallback;
            }
            Integer value = peiStatus(text.get());
            if (value == null) {
                r.context().error(r.markOf(key), "'" + key + "' must be " + PEI_STATUS_RULE + ", got '" + text.get()
                        + "'", null);
                return fallback;
            }
            return value;
        }
    }

    static final class FleetSync implements LinkBinder {
        @Override
        public String type() {
            return FleetSyncLinkSettings.TYPE;
        }

        @Override
        public Optional<LinkSettings> bind(String id, MapReader r) {
            int errorsBefore = r.context().errorCount();
            Optional<SerialPortSettings> serial = SerialPortBinder.bind(r);
            StatusMeanings statuses = StatusMeanings.read(r, SerialLinkBinders::fleetSyncStatus,
                    FLEETSYNC_STATUS_RULE);
            if (r.context().errorCount() != errorsBefore || serial.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FleetSyncLinkSettings(id, serial.get(), statuses));
        }
    }
}
