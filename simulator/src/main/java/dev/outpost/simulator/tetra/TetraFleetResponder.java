package dev.outpost.simulator.tetra;

import dev.outpost.protocol.pei.PeiFrame;
import dev.outpost.protocol.pei.PeiRadioEncoder;
import dev.outpost.protocol.pei.SdsHeader;
import dev.outpost.protocol.pei.SdsPayload;
import dev.outpost.protocol.pei.SdsPayloadCodec;
import dev.outpost.protocol.pei.TetraIdentity;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.ResponseMode;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.serial.Emission;
import dev.outpost.simulator.serial.RadioTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the simulated fleet does with an SDS the terminal sent: records the call in the ground truth and plans
 * the addressee's answer as the radio will report it (docs/simulator.md, "Serial radios"):
 * <ul>
 *   <li>a status: the unit replies with the configured status, after the auto delay (a poll) or the confirm
 *       delay (a status listed as a confirmation request);</li>
 *   <li>an SDS-TL transfer asking for a delivery report: an SDS-REPORT (or, with the short form bit, an
 *       SDS-SHORT-REPORT) "received" after the auto delay and/or "consumed" after the confirm delay;</li>
 *   <li>anything else reaches the unit and is not answered.</li>
 * </ul>
 * Offline units (including those on leave) and unknown ISSIs never answer; the call is recorded as refused.
 */
final class TetraFleetResponder {
    private static final int SDS_TL_TRANSFER = 0;
    private static final int DRR_RECEIVED = 1;
    private static final int DRR_CONSUMED = 2;

    private final PeiRadioOptions options;
    private final BehaviourModel fleet;
    private final RadioTruth truth;

    TetraFleetResponder(PeiRadioOptions options, BehaviourModel fleet, RadioTruth truth) {
        this.options = options;
        this.fleet = fleet;
        this.truth = truth;
    }

    /** The unit an SDS to {@code destination} reaches, if it is online; records a refusal otherwise. */
    Optional<UnitBehaviour> reach(SubmittedSds sds, String address) {
        Optional<UnitBehaviour> unit = fleet.byAddress(address);
        if (unit.isEmpty()) {
            truth.refused(sds.callId(), "", address, "unknown", sds.recvMonoNanos(), sds.recvWall());
            return Optional.empty();
        }
        if (!unit.get().online()) {
            truth.refused(sds.callId(), unit.get().unitId(), address, "offline", sds.recvMonoNanos(), sds.recvWall());
            return Optional.empty();
        }
        return unit;
    }

    List<Emission> deliver(SubmittedSds sds, UnitBehaviour unit, String address) {
        List<Emission> out = new ArrayList<>();
        byte[] data = sds.data();
        if (sds.aiService() == SdsHeader.STATUS) {
            int status = (data[0] & 0xFF) << 8 | data[1] & 0xFF;
            ResponseMode mode = options.confirmStatuses().contains(status) ? ResponseMode.CONFIRM : ResponseMode.AUTO;
            truth.called(sds.callId(), unit, address, mode, sds.recvMonoNanos(), sds.recvWall());
            reply(sds, unit, address, mode, new SdsPayload.Status(options.replyStatus()), out);
        } else if (isSdsTlTransfer(sds)) {
            int flags = data[1] & 0xFF;
            int reportRequest = flags >> 2 & 0x03;
            boolean shortForm = (flags & 0x02) != 0;
            int reference = data[2] & 0xFF;
            boolean consumed = (reportRequest & DRR_CONSUMED) != 0;
            truth.called(sds.callId(), unit, address, consumed && (reportRequest & DRR_RECEIVED) == 0
                    ? ResponseMode.CONFIRM : ResponseMode.AUTO, sds.recvMonoNanos(), sds.recvWall());
            if ((reportRequest & DRR_RECEIVED) != 0) {
                reply(sds, unit, address, ResponseMode.AUTO, report(data[0] & 0xFF, shortForm,
                        SdsPayload.ShortReport.RECEIVED, reference), out);
            }
            if (consumed) {
                reply(sds, unit, address, ResponseMode.CONFIRM, report(data[0] & 0xFF, shortForm,
                        SdsPayload.ShortReport.CONSUMED, reference), out);
            }
        } else {
            truth.called(sds.callId(), unit, address, ResponseMode.AUTO, sds.recvMonoNanos(), sds.recvWall());
        }
        return out;
    }

    private static boolean isSdsTlTransfer(SubmittedSds sds) {
        byte[] data = sds.data();
        return sds.aiService() == SdsHeader.SDS_TYPE_4 && data.length >= 3 && (data[0] & 0xFF) >= 0x80
                && (data[1] & 0xFF) >> 4 == SDS_TL_TRANSFER;
    }

    /** A short report's types 2 and 3 mirror the delivery statuses received (0x00) and consumed (0x02). */
    private static SdsPayload report(int protocolId, boolean shortForm, int shortType, int reference) {
        if (shortForm) {
            return new SdsPayload.ShortReport(shortType, reference);
        }
        int status = shortType == SdsPayload.ShortReport.RECEIVED ? 0x00 : 0x02;
        return new SdsPayload.SdsReport(protocolId, false, status, reference, null, "");
    }

    private void reply(SubmittedSds sds, UnitBehaviour unit, String address, ResponseMode mode, SdsPayload payload,
            List<Emission> out) {
        OptionalLong delay = unit.nextReplyDelayNanos(mode);
        if (delay.isEmpty()) {
            return;
        }
        String text = PeiRadioEncoder.encode(sdsFrom(address, payload));
        out.add(Emission.at(sds.recvMonoNanos() + delay.getAsLong(), text, RadioTruth.reply(sds.callId(), unit,
                address, describe(payload), sds.recvMonoNanos(), delay.getAsLong())));
    }

    /** The {@code +CTSDSR} the radio reports for an SDS from {@code unitIssi} to itself (6-field header). */
    PeiFrame.SdsReceived sdsFrom(String unitIssi, SdsPayload payload) {
        boolean status = payload instanceof SdsPayload.Status || payload instanceof SdsPayload.ShortReport;
        int bits = SdsPayloadCodec.encode(payload).length * 8;
        SdsHeader header = new SdsHeader(status ? SdsHeader.STATUS : SdsHeader.SDS_TYPE_4,
                TetraIdentity.ssi(Long.parseLong(unitIssi)), TetraIdentity.ssi(options.radioIssi()), bits, null);
        return new PeiFrame.SdsReceived(header, payload);
    }

    /** The truth's {@code status}: the status value in hex, or the report's meaning. */
    static String describe(SdsPayload payload) {
        if (payload instanceof SdsPayload.Status s) {
            return String.format(Locale.ROOT, "%04X", s.value());
        }
        if (payload instanceof SdsPayload.ShortReport r) {
            return r.reportType() == SdsPayload.ShortReport.RECEIVED ? "received" : "consumed";
        }
        return ((SdsPayload.SdsReport) payload).deliveryStatus() == 0x00 ? "received" : "consumed";
    }
}
