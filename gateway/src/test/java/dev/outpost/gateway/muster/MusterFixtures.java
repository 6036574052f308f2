package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builders shared by the muster tests. */
final class MusterFixtures {
    static final Instant EPOCH = Instant.parse("2026-11-29T10:15:00Z");
    static final long MS = 1_000_000L;

    private MusterFixtures() {
    }

    /** An active unit with a DMR id (and a PoC user when {@code poc} is non-null). */
    static Unit unit(String id, String street, UnitClass unitClass, Integer dmrId, String poc) {
        return new Unit(id, "Unit " + id, unitClass, street, null, null, dmrId, null, null, poc, Lifecycle.ACTIVE, 3);
    }

    static Unit dmrUnit(int n) {
        return unit("U" + n, "Street" + (n % 3), UnitClass.values()[n % 4], 1000 + n, null);
    }

    static MusterLink link(String id, Bearer bearer, Pacing pacing, boolean up) {
        return new MusterLink(id, bearer, pacing, up, EnumSet.allOf(CallMethod.class));
    }

    static MusterRequest request(MusterScope scope, Duration timeout, int retries, Duration deadline, Duration late) {
        return new MusterRequest(Optional.empty(), scope, CallMethod.POLL, timeout, retries, deadline, late,
                List.of(), "drill");
    }

    static MusterRequest simpleRequest() {
        return request(new MusterScope.All(), Duration.ofSeconds(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    static UnitEvent ack(String unitId, Bearer bearer, String address, String linkId, String callRef, long nanos) {
        return ack(unitId, bearer, address, linkId, callRef, nanos, "present");
    }

    static UnitEvent ack(String unitId, Bearer bearer, String address, String linkId, String callRef, long nanos,
                         String status) {
        return new UnitEvent(UUID.randomUUID().toString(), Optional.ofNullable(unitId), bearer, address, linkId, nanos,
                EPOCH.plusNanos(nanos), new EventPayload.Ack(callRef, status, 4));
    }

    static CallReceipt receipt(String callRef, long sentNanos, String... refused) {
        return new CallReceipt(callRef, sentNanos, EPOCH.plusNanos(sentNanos), List.of(refused));
    }
}
