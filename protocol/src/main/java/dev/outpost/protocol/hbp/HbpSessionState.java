package dev.outpost.protocol.hbp;

/** The state of either session; implemented by {@link HbpPeerState} and {@link HbpMasterState}. */
public sealed interface HbpSessionState permits HbpPeerState, HbpMasterState {
    String name();
}
