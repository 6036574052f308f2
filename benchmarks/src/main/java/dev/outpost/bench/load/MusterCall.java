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

    /**
     * @param scopeJson the request's {@code scope}, e.g. {@code {"type":"all"}}
     * @param extra     more request fields ({@code "retries":1,}), each followed by a comma, or empty
     */
    static MusterCall run(AckListener platform, String base, String scopeJson, String extra, String transaction)
            throws MqttException, InterruptedException, IOException {
        long startedAt = System.nanoTime();
        platform.publish("request/muster/start", "{\"scope\":" + scopeJson + ",\"method\":\"poll\"," + extra
                + "\"transaction\":\"" + transaction + "\"}");
        AckListener.Arrival reply = platform.await(base + "/response/muster/start", transaction, 60,
                TimeUnit.SECONDS);
        String musterId = JSON.readTree(reply.payload()).path("data").path("muster_id").asText("");
        if (musterId.isEmpty()) {
            throw new IOException("the muster did not start: " + reply.text());
        }
        AckListener.Arrival result = platform.await(base + "/muster/" + musterId + "/result", musterId,
                LIMIT_SECONDS, TimeUnit.SECONDS);
        return new MusterCall(musterId, JSON.readTree(result.payload()), (result.receivedAt() - startedAt) / 1e9);
    }

    /** The report's count of acked units. */
    long acked() {
        return result.path("summary").path("acked").asLong(-1);
    }
}
