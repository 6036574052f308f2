package dev.outpost.gateway.muster.report;

import java.util.List;

/** The summary's counts split four ways, each list sorted by key. */
public record ReportBreakdowns(
        List<GroupStats> byStreet,
        List<GroupStats> byClass,
        List<GroupStats> byLink,
        List<GroupStats> byBearer) {
}
