package dev.outpost.gateway.muster.report;

/** A group a muster called on a link instead of listing its units (docs/MUSTER.md, "Groups"). */
public record GroupUse(String linkId, String group) {
}
