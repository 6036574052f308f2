package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import java.util.Set;

/**
 * What the engine needs to know about one link at muster start.
 *
 * @param up      whether the link is up now; units reachable only over links that are down are {@code unreachable}
 * @param methods the call methods the link can carry
 */
public record MusterLink(String linkId, Bearer bearer, Pacing pacing, boolean up, Set<CallMethod> methods) {
    public MusterLink {
        methods = Set.copyOf(methods);
    }

    public boolean canCarry(CallMethod method) {
        return methods.contains(method);
    }
}
