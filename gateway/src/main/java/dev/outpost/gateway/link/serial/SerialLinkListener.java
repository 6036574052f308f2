package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.link.LinkState;

/**
 * What a {@link SerialLinkDriver} tells the link that owns it. Calls for one driver never overlap and come in
 * order: {@code CONNECTING}, then {@code UP}, the chunks read on that connection, {@code DOWN}, and after a
 * reopen {@code UP} again. They come from the driver's threads, so keep them short and never block in them;
 * calling {@link SerialLinkDriver#write} from a callback is fine, {@link SerialLinkDriver#close} is not.
 */
public interface SerialLinkListener {

    /**
     * The port's state changed. {@code DOWN} is reported once per loss and again only when the reason of the
     * failing reopen attempts changes; the driver keeps retrying until closed.
     */
    void stateChanged(LinkState state, String detail);

    /** Bytes read from the port, stamped at the read; only between {@code UP} and the next {@code DOWN}. */
    void received(ReceivedChunk chunk);
}
