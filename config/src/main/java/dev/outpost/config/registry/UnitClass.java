package dev.outpost.config.registry;

/** Unit grading used by the district (A is the largest / best-equipped, D the smallest). */
public enum UnitClass { A, B, C, D }
