package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;

/** A muster as {@link MusterService#get} finds it: still running, or finished with its report. */
public sealed interface MusterView {
    String musterId();

    record Live(MusterSnapshot snapshot) implements MusterView {
        public String musterId() { return snapshot.musterId(); }
    }

    record Done(MusterReport report) implements MusterView {
        public String musterId() { return report.musterId(); }
    }
}
