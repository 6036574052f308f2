package dev.outpost.gateway.link.serial;

/** What {@link SerialLinkDriver#write} did with the bytes. Only {@link #QUEUED} means they will be written. */
public enum WriteOutcome {
    /** Queued behind earlier writes; the writer sends them in order unless the port goes down first. */
    QUEUED,
    /** The write queue is full (the port is slower than the link's sending); nothing was queued. */
    QUEUE_FULL,
    /** The port is not up; nothing was queued. */
    NOT_CONNECTED,
    /** The driver is closed. */
    CLOSED;

    public boolean accepted() {
        return this == QUEUED;
    }
}
