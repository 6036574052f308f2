package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners, in the order given; one that fails is logged and does not stop the others. */
public final class MusterListeners implements MusterListener {
    private static final Logger log = LoggerFactory.getLogger(MusterListeners.class);
    private final List<MusterListener> listeners;

    private MusterListeners(List<MusterListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static MusterListener of(MusterListener... listeners) {
        return new MusterListeners(List.of(listeners));
    }

    @Override
    public void onStarted(MusterSnapshot snapshot) {
        each(l -> l.onStarted(snapshot));
    }

    @Override
    public void onProgress(MusterSnapshot snapshot) {
        each(l -> l.onProgress(snapshot));
    }

    @Override
    public void onAck(MusterAck ack) {
        each(l -> l.onAck(ack));
    }

    @Override
    public void onFinished(MusterReport report) {
        each(l -> l.onFinished(report));
    }

    private void each(Consumer<MusterListener> call) {
        for (MusterListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("muster listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }
}
