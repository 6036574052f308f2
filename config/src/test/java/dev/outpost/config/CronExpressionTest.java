package dev.outpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI);
    }

    private static String next(String cron, String after) {
        return CronExpression.parse(cron).expression().orElseThrow().next(at(after)).orElseThrow()
                .toLocalDateTime().toString();
    }

    @Test
    void nextFiringsFollowEachField() {
        assertEquals("2026-11-30T03:00", next("0 3 * * *", "2026-11-29T03:00"), "strictly after");
        assertEquals("2026-11-29T10:45", next("*/15 * * * *", "2026-11-29T10:31"));
        assertEquals("2026-11-30T08:30", next("30 8 * * MON-FRI", "2026-11-28T09:00"), "Saturday to Monday");
        assertEquals("2028-02-29T00:00", next("0 0 29 2 *", "2026-03-01T00:00"), "the next leap day");
        assertEquals("2026-12-01T00:00", next("0 0 1 * 0", "2026-11-29T12:00"),
                "both day fields restricted: either matches (1st of the month, or a Sunday)");
        assertEquals("2026-11-29T12:05", next("5 */2 * * 7", "2026-11-29T11:00"), "7 is Sunday too");
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(CronExpression.parse("0 3 * *").problem().contains("5 fields"));
        assertTrue(CronExpression.parse("61 * * * *").problem().contains("minute field '61' has 61, outside 0-59"));
        assertTrue(CronExpression.parse("0 9-5 * * *").problem().contains("backwards"));
        assertTrue(CronExpression.parse("0 0 * FOO *").problem().contains("month field 'FOO'"));
    }
}
