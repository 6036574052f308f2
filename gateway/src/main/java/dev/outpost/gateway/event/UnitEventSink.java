package dev.outpost.gateway.event;

/** Where links deliver what they receive. Implementations must not block the caller (a network thread). */
@FunctionalInterface
public interface UnitEventSink {
    void accept(UnitEvent event);
}
