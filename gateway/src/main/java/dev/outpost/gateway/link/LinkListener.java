package dev.outpost.gateway.link;

import dev.outpost.gateway.event.UnitEvent;

/** Receives what a link sees. Called on the link's network thread: hand off, do not block. */
public interface LinkListener {
    void onEvent(UnitEvent event);

    void onStatus(LinkStatus status);
}
