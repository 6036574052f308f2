package dev.outpost.config;

/** Log line format: human-readable text or one JSON object per line. */
public enum LogFormat { TEXT, JSON }
