package dev.outpost.protocol.pei;

/**
 * What a {@link PeiSession} asks its caller to do or tells it, in order. Identities of the sender are null
 * when the {@code +CTSDSR} header did not name one (3- and 4-field headers).
 */
public sealed interface PeiSessionOutput {

    /** Write these bytes (ASCII, terminators included) to the port, in order with other writes. */
    record Write(String ascii) implements PeiSessionOutput {
    }

    /** A 16-bit status arrived. */
    record StatusReceived(TetraIdentity from, TetraIdentity to, int status) implements PeiSessionOutput {
    }

    /** An SDS-SHORT-REPORT arrived (on the status service): the fate of our message {@code messageReference}. */
    record ShortReportReceived(TetraIdentity from, TetraIdentity to, SdsPayload.ShortReport report)
            implements PeiSessionOutput {
    }

    /** An SDS-REPORT arrived: the delivery status of our message with the same message reference. */
    record SdsReportReceived(TetraIdentity from, TetraIdentity to, SdsPayload.SdsReport report)
            implements PeiSessionOutput {
    }

    /** Any other SDS arrived: an SDS-TL transfer or ack, or opaque data. */
    record SdsDataReceived(TetraIdentity from, TetraIdentity to, SdsPayload payload) implements PeiSessionOutput {
    }

    /** {@code +CTXG}: the floor went to {@code grant.talker()} (the TPI), when it names one. */
    record TalkerGranted(PeiFrame.TxGrant grant) implements PeiSessionOutput {
    }

    /** {@code +CDTXC}: the talker stopped. */
    record TalkerCeased(PeiFrame.TxCeased ceased) implements PeiSessionOutput {
    }

    record CallIncoming(PeiFrame.IncomingCall call) implements PeiSessionOutput {
    }

    record CallReleased(PeiFrame.CallReleased released) implements PeiSessionOutput {
    }

    /** A submitted command ended; every submitted command gets exactly one of these. */
    record CommandCompleted(PeiCommand command, CommandResult result) implements PeiSessionOutput {
    }

    record StateChanged(PeiSessionState from, PeiSessionState to, String reason) implements PeiSessionOutput {
    }

    /** Bytes that did not decode; they were dropped and the stream resynchronised. */
    record InvalidFrame(String reason) implements PeiSessionOutput {
    }

    /** A well-formed line that made no sense now (e.g. a final result with no command in flight); ignored. */
    record ProtocolError(String reason) implements PeiSessionOutput {
    }
}
