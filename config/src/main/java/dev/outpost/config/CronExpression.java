package dev.outpost.config;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-field cron expression: minute, hour, day of month, month, day of week (0 or 7 = Sunday), each a {@code *},
 * a value, a range {@code a-b}, a list {@code a,b}, or any of those with a step {@code /n}. Month and weekday names
 * (JAN, MON) are accepted. As in classic cron, when both day fields are restricted a day matches either.
 */
public final class CronExpression {
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** Searching minute by minute, four years covers every combination (Feb 29 on a given weekday, ...). */
    private static final long SEARCH_MINUTES = 4L * 366 * 24 * 60;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean dayRestricted;
    private final boolean weekdayRestricted;

    private CronExpression(String text, BitSet[] fields, boolean dayRestricted, boolean weekdayRestricted) {
        this.text = text;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.days = fields[2];
        this.months = fields[3];
        this.weekdays = fields[4];
        this.dayRestricted = dayRestricted;
        this.weekdayRestricted = weekdayRestricted;
    }

    /** The expression, or a message saying what is wrong with it. */
    public static Result parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 5) {
            return Result.bad("a cron expression has 5 fields (minute hour day month weekday), this one has "
                    + parts.length);
        }
        int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
        String[] names = {"minute", "hour", "day of month", "month", "day of week"};
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            try {
                fields[i] = field(parts[i], ranges[i][0], ranges[i][1], i == 3 ? MONTHS : i == 4 ? DAYS : null,
                        i == 3 ? 1 : 0);
            } catch (IllegalArgumentException e) {
                return Result.bad("the " + names[i] + " field '" + parts[i] + "' " + e.getMessage());
            }
        }
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        return Result.ok(new CronExpression(text.trim(), fields, !parts[2].equals("*"), !parts[4].equals("*")));
    }

    private static BitSet field(String field, int min, int max, String[] names, int nameBase) {
        BitSet out = new BitSet();
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), 1, max, null, 0);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("has a bad range '" + range + "'");
                }
                from = number(ends[0], min, max, names, nameBase);
                to = number(ends[1], min, max, names, nameBase);
                if (from > to) {
                    throw new IllegalArgumentException("has a range that runs backwards: '" + range + "'");
                }
            } else {
                from = number(range, min, max, names, nameBase);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    private static int number(String text, int min, int max, String[] names, int nameBase) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text.toUpperCase(Locale.ROOT))) {
                    return i + nameBase;
                }
            }
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new IllegalArgumentException("has " + v + ", outside " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has '" + text + "', which is not a number" + (names == null ? ""
                    : " or a name such as " + names[1]));
        }
    }

    /** The first instant strictly after {@code after} (to the minute) that matches, in {@code after}'s zone. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (long i = 0; i < SEARCH_MINUTES; i++) {
            if (matches(t)) {
                return Optional.of(t);
            }
            t = !months.get(t.getMonthValue()) ? t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0)
                    : !dayMatches(t) ? t.plusDays(1).withHour(0).withMinute(0)
                    : !hours.get(t.getHour()) ? t.plusHours(1).withMinute(0)
                    : t.plusMinutes(1);
        }
        return Optional.empty();
    }

    private boolean matches(ZonedDateTime t) {
        return minutes.get(t.getMinute()) && hours.get(t.getHour()) && months.get(t.getMonthValue()) && dayMatches(t);
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean day = days.get(t.getDayOfMonth());
        boolean weekday = weekdays.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (dayRestricted && weekdayRestricted) {
            return day || weekday;
        }
        return day && weekday;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** A parsed expression or the reason it is not one. */
    public record Result(Optional<CronExpression> expression, String problem) {
        static Result ok(CronExpression e) {
            return new Result(Optional.of(e), null);
        }

        static Result bad(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
