package dev.outpost.config;

import java.util.Objects;

/**
 * A TETRA radio reached through its PEI (AT commands) on a serial port (docs/config.md, {@code type: pei}).
 *
 * @param poll          how a {@code poll} muster checks a unit: a status poll, or an SDS-TL text with a delivery report
 * @param pollStatus    the status value a status poll sends
 * @param confirmStatus the status value a confirm call sends (a person answers with one of the ack statuses)
 * @param statuses      what each status value means, and which answer a confirm call
 */
public record PeiLinkSettings(String id, SerialPortSettings serial, PollMode poll, int pollStatus, int confirmStatus,
        StatusMeanings statuses) implements LinkSettings {

    public static final String TYPE = "pei";

    /** How a poll reaches a terminal that answers by itself. */
    public enum PollMode { STATUS, SDS }

    public PeiLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(statuses, "statuses");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
