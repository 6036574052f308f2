package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;

/**
 * Where {@link MusterService} writes each muster's start and inputs as they happen, so that a muster open at a crash
 * can be rebuilt (see {@link MusterInput}). Called on the service's thread, in order: implementations queue the
 * writes and must not block for long.
 */
public interface MusterRecorder {
    void started(MusterStart start);

    /** {@code sequence} counts the muster's inputs from 1, and continues after a resume. */
    void input(String musterId, long sequence, MusterInput input);

    void finished(MusterReport report, MusterSnapshot finalSnapshot);

    /** Records nothing: musters are lost on restart. */
    MusterRecorder NONE = new MusterRecorder() {
        @Override
        public void started(MusterStart start) {
        }

        @Override
        public void input(String musterId, long sequence, MusterInput input) {
        }

        @Override
        public void finished(MusterReport report, MusterSnapshot finalSnapshot) {
        }
    };
}
