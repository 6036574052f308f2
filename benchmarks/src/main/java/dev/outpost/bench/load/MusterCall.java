package dev.outpost.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A poll muster started over MQTT as a platform would, and its retained result once it finished. */
record MusterCall(String musterId, JsonNode result, double wallSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT_SECONDS = 300;

    /** A muster the gateway accepted: its id and the instant its request was published. */
    record Started(String musterId, long startedAt) {
    }

    /**
     * @param scopeJson the request's {@code scope}, e.g. {@code {"type":"all"}}
     * @param extra     more request fields ({@code "retries":1,}), each followed by a comma, or empty
     */
    static MusterCall run(AckListener platform, String base, String scopeJson, String extra, String transaction)
            throws MqttException, InterruptedException, IOException {
        long startedAt = System.nanoTime();
        publishStart(platform, scopeJson, extra, transaction);
        return awaitResult(platform, base, awaitStarted(platform, base, transaction, startedAt));
    }

    /** Publishes a start request without waiting for the reply (to start several musters at once). */
    static void publishStart(AckListener platform, String scopeJson, String extra, String transaction)
            throws MqttException {
        platform.publish("request/muster/start", "{\"scope\":" + scopeJson + ",\"method\":\"poll\"," + extra
                + "\"transaction\":\"" + transaction + "\"}");
    }

    /** Waits (bounded) for the start reply of {@code transaction}; fails if the muster did not start. */
    static Started awaitStarted(AckListener platform, String base, String transaction, long startedAt)
            throws InterruptedException, IOException {
        AckListener.Arrival reply = platform.await(base + "/response/muster/start", transaction, 60,
                TimeUnit.SECONDS);
        String musterId = JSON.readTree(reply.payload()).path("data").path("muster_id").asText("");
        if (musterId.isEmpty()) {
            throw new IOException("the muster did not start: " + reply.text());
        }
        return new Started(musterId, startedAt);
    }

    /** Waits (bounded) for the started muster's retained result. */
    static MusterCall awaitResult(AckListener platform, String base, Started started)
            throws InterruptedException, IOException {
        AckListener.Arrival result = platform.await(base + "/muster/" + started.musterId() + "/result",
                started.musterId(), LIMIT_SECONDS, TimeUnit.SECONDS);
        return new MusterCall(started.musterId(), JSON.readTree(result.payload()),
                (result.receivedAt() - started.startedAt()) / 1e9);
    }

    /** A muster and what it cost the gateway: CPU seconds while it ran, peak heap in use meanwhile. */
    record Measured(MusterCall call, double cpuSeconds, double peakHeapMiB) {
        AckMatch.Costs costs() {
            return new AckMatch.Costs(call.acked(), cpuSeconds, call.wallSeconds(), peakHeapMiB);
        }
    }

    /** {@link #run}, with the gateway's CPU time and its heap polled ({@link HeapPoller}) while it runs. */
    static Measured runMeasured(GatewayProcess gateway, AckListener platform, String scopeJson, String extra,
                                String transaction) throws MqttException, InterruptedException, IOException {
        double cpuBefore = gateway.cpuSeconds();
        MusterCall call;
        double peakHeap;
        try (HeapPoller heap = HeapPoller.start(gateway)) {
            call = run(platform, gateway.base, scopeJson, extra, transaction);
            peakHeap = heap.stop();
        }
        return new Measured(call, gateway.cpuSeconds() - cpuBefore, peakHeap);
    }

    /** The report's count of acked units. */
    long acked() {
        return result.path("summary").path("acked").asLong(-1);
    }
}
