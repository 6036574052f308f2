package dev.outpost.gateway.linkage;

import java.util.List;

/**
 * The union of several points' lines. A unit in several lines appears once in {@link #units()},
 * with its nearest point (ties: the smaller point id); likewise in {@link #skipped()}. A point may be
 * a member of another point's line: the union is literal.
 *
 * @param lines each point's own line, in request order (for per-line timing in reports)
 */
public record LinkageArea(List<String> pointUnitIds, int k, List<LinkageLine> lines, List<LinkedUnit> units,
        List<SkippedUnit> skipped, int unpositioned) {

    public LinkageArea {
        pointUnitIds = List.copyOf(pointUnitIds);
        lines = List.copyOf(lines);
        units = List.copyOf(units);
        skipped = List.copyOf(skipped);
    }
}
