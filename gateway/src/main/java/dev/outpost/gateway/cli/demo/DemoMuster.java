package dev.outpost.gateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeoutException;

/** Drives one muster over MQTT, as a command platform would, and follows it to its result. */
final class DemoMuster {
    private final PlatformClient platform;
    private final DemoConsole console;

    DemoMuster(PlatformClient platform, DemoConsole console) {
        this.platform = platform;
        this.console = console;
    }

    void awaitLinkUp(String linkId, long timeoutMillis) throws Exception {
        String topic = platform.base() + "/link/" + linkId + "/state";
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            PlatformClient.Seen seen = platform.next(remaining(deadline), "link " + linkId + " to come up");
            if (seen.topic().equals(topic) && "up".equals(seen.payload().path("state").asText())) {
                return;
            }
        }
        throw new TimeoutException("link " + linkId + " did not come up within " + timeoutMillis + " ms");
    }

    /** Sends muster/start, shows progress, and returns the retained result. */
    JsonNode run(ObjectNode request, long timeoutMillis) throws Exception {
        String transaction = request.path("transaction").asText();
        platform.request("muster/start", request);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        String musterId = null;
        while (System.nanoTime() < deadline) {
            PlatformClient.Seen seen = platform.next(remaining(deadline), "the muster to finish");
            String topic = seen.topic();
            JsonNode payload = seen.payload();
            if (topic.equals(platform.base() + "/response/muster/start")
                    && transaction.equals(payload.path("transaction").asText())) {
                if (!"ok".equals(payload.path("status").asText())) {
                    throw new IllegalStateException("the gateway refused the muster: " + payload.path("error"));
                }
                musterId = payload.path("data").path("muster_id").asText();
                console.line("  muster     " + musterId + ": " + payload.path("data").path("targeted").asInt()
                        + " units targeted");
            } else if (musterId != null && topic.equals(platform.base() + "/muster/" + musterId + "/state")) {
                console.progress(payload);
            } else if (musterId != null && topic.equals(platform.base() + "/muster/" + musterId + "/result")) {
                console.endProgress();
                return payload;
            }
        }
        throw new TimeoutException("the muster did not finish within " + timeoutMillis + " ms");
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }
}
