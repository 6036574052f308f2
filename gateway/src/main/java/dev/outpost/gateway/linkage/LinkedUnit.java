package dev.outpost.gateway.linkage;

/** A unit selected for a linkage drill, with the point it was selected for and its distance to it. */
public record LinkedUnit(String unitId, String pointUnitId, double distanceMetres) {
}
