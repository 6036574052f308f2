package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Lifecycle;

/**
 * A unit that would have been in a line had it been active: on leave or deactivated, with a
 * position, and nearer to the point than the line's last selected unit (or any such unit when the
 * line has fewer than k units).
 */
public record SkippedUnit(String unitId, String pointUnitId, Lifecycle lifecycle, double distanceMetres) {
}
