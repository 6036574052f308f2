package dev.outpost.protocol.hxt;

/** Every valid hxt message, in both directions. */
public sealed interface HxtMessage extends HxtFrame permits HxtCommand, HxtReply, HxtEvent {
}
