package dev.outpost.protocol.pei;

/** Unsolicited frames to the session outputs a link acts on. */
final class PeiEvents {
    private PeiEvents() {
    }

    static PeiSessionOutput toOutput(PeiFrame.Unsolicited frame) {
        if (frame instanceof PeiFrame.SdsReceived sds) {
            return sds(sds);
        } else if (frame instanceof PeiFrame.TxGrant grant) {
            return new PeiSessionOutput.TalkerGranted(grant);
        } else if (frame instanceof PeiFrame.TxCeased ceased) {
            return new PeiSessionOutput.TalkerCeased(ceased);
        } else if (frame instanceof PeiFrame.IncomingCall call) {
            return new PeiSessionOutput.CallIncoming(call);
        }
        return new PeiSessionOutput.CallReleased((PeiFrame.CallReleased) frame);
    }

    private static PeiSessionOutput sds(PeiFrame.SdsReceived sds) {
        TetraIdentity from = sds.header().calling();
        TetraIdentity to = sds.header().called();
        SdsPayload payload = sds.payload();
        if (payload instanceof SdsPayload.Status status) {
            return new PeiSessionOutput.StatusReceived(from, to, status.value());
        } else if (payload instanceof SdsPayload.ShortReport report) {
            return new PeiSessionOutput.ShortReportReceived(from, to, report);
        } else if (payload instanceof SdsPayload.SdsReport report) {
            return new PeiSessionOutput.SdsReportReceived(from, to, report);
        }
        return new PeiSessionOutput.SdsDataReceived(from, to, payload);
    }
}
