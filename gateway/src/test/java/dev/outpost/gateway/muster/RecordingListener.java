package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a {@link MusterService} reports, with the virtual instant of each progress call. */
final class RecordingListener implements MusterListener {
    final List<MusterSnapshot> started = new ArrayList<>();
    final List<MusterSnapshot> progress = new ArrayList<>();
    final List<MusterAck> acks = new ArrayList<>();
    final List<MusterReport> finished = new ArrayList<>();

    @Override
    public void onStarted(MusterSnapshot snapshot) {
        started.add(snapshot);
    }

    @Override
    public void onProgress(MusterSnapshot snapshot) {
        progress.add(snapshot);
    }

    @Override
    public void onAck(MusterAck ack) {
        acks.add(ack);
    }

    @Override
    public void onFinished(MusterReport report) {
        finished.add(report);
    }
}
