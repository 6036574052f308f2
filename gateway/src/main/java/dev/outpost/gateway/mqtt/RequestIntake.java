package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.InboundMessage;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import dev.outpost.gateway.time.GatewayClock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes request messages off {@code <base>/request/#}, applies the safety rules, routes them and sends the reply:
 * to the MQTT 5 Response Topic with the Correlation Data copied, or else to {@code <base>/response/<action>}.
 */
final class RequestIntake {
    private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

    private final String requestPrefix;
    private final String responsePrefix;
    private final RequestDecoder decoder;
    private final RequestRouter router;
    private final PublishPump pump;
    private final GatewayClock clock;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong ignoredRetained = new AtomicLong();

    RequestIntake(String base, RequestDecoder decoder, RequestRouter router, PublishPump pump, GatewayClock clock) {
        this.requestPrefix = base + "/request/";
        this.responsePrefix = base + "/response/";
        this.decoder = decoder;
        this.router = router;
        this.pump = pump;
        this.clock = clock;
    }

    /** The subscription that brings requests in. */
    String filter() {
        return requestPrefix + "#";
    }

    boolean accepts(String topic) {
        return topic.startsWith(requestPrefix) || topic.equals(requestPrefix.substring(0, requestPrefix.length() - 1));
    }

    void handle(InboundMessage message) {
        String topic = message.topic();
        String action = topic.length() > requestPrefix.length() ? topic.substring(requestPrefix.length()) : "";
        if (message.retained()) {
            ignoredRetained.incrementAndGet();
            log.warn("ignored a RETAINED request on {}: stale commands are never acted on. Clear it with an empty "
                    + "retained publish to that topic.", topic);
            return;
        }
        if (message.payload().length == 0) {
            // An empty payload is how a retained message is cleared; it is never a command.
            log.debug("ignored an empty request on {}", topic);
            return;
        }
        CompletableFuture<Reply> reply;
        RequestDecoder.Decoded decoded = decoder.decode(action, message.payload());
        if (decoded instanceof RequestDecoder.Decoded.Valid valid) {
            reply = router.dispatch(valid.request());
        } else {
            Reply rejection = ((RequestDecoder.Decoded.Invalid) decoded).reply();
            log.info("rejected a request on {}: {}", topic, rejection.error().map(Reply.ErrorInfo::code).orElse("?"));
            reply = CompletableFuture.completedFuture(rejection);
        }
        reply.thenAccept(answer -> send(message, action, answer));
    }

    private void send(InboundMessage request, String action, Reply reply) {
        answered.incrementAndGet();
        String topic = request.responseTopic().filter(RequestIntake::isPublishableTopic)
                .orElse(responsePrefix + (action.isEmpty() ? "unknown" : action));
        OutboundMessage message = new OutboundMessage(topic, MqttJson.bytes(reply.toJson(clock.wallNow())), 1, false,
                request.correlationData(), StatusMessages.SCHEMA);
        pump.submit(message).exceptionally(failure -> {
            log.warn("reply to {} on {} was not delivered: {}", action, topic, failure.getMessage());
            return null;
        });
    }

    private static boolean isPublishableTopic(String topic) {
        return !topic.isEmpty() && topic.indexOf('+') < 0 && topic.indexOf('#') < 0;
    }

    long answered() {
        return answered.get();
    }

    long ignoredRetained() {
        return ignoredRetained.get();
    }
}
