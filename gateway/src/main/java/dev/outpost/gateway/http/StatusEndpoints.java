package dev.outpost.gateway.http;

import dev.outpost.gateway.http.page.StatusPage;
import dev.outpost.gateway.schedule.ScheduleJson;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/** The status server's paths: {@code /}, {@code /metrics}, {@code /healthz}, {@code /readyz} and {@code /schedules}. */
public final class StatusEndpoints {
    /** How long the core thread may take to answer before the gateway counts as stuck. */
    public static final Duration CORE_TIMEOUT = Duration.ofSeconds(2);

    private StatusEndpoints() {
    }

    /**
     * @param scrape  every meter in the Prometheus text format
     * @param refresh how often the status page reloads itself (zero: never)
     */
    public static Map<String, HttpEndpoint> of(StatusSource source, Supplier<String> scrape, Duration refresh) {
        return of(source, scrape, refresh, CORE_TIMEOUT);
    }

    /** As above, with how long the core thread may take to answer. */
    public static Map<String, HttpEndpoint> of(StatusSource source, Supplier<String> scrape, Duration refresh,
                                               Duration coreTimeout) {
        return Map.of(
                "/metrics", () -> CompletableFuture.completedFuture(
                        HttpReply.of(200, HttpReply.PROMETHEUS, scrape.get())),
                "/healthz", () -> bounded(source.ping(), coreTimeout, ok -> HttpReply.text(200, "ok")),
                "/readyz", () -> bounded(source.status(), coreTimeout, status -> Readiness.of(status).reply()),
                "/schedules", () -> bounded(source.status(), coreTimeout, status -> HttpReply.of(200, HttpReply.JSON,
                        ScheduleJson.document(status.schedules()).toString())),
                "/", () -> bounded(source.status(), coreTimeout,
                        status -> HttpReply.of(200, HttpReply.HTML, StatusPage.render(status, refresh))));
    }

    /** The core thread's answer, or 503 when it does not come in time (the gateway is stuck or overloaded). */
    private static <T> CompletableFuture<HttpReply> bounded(CompletableFuture<T> answer, Duration timeout,
                                                           Function<T, HttpReply> ok) {
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, failure) -> {
            if (failure == null) {
                return ok.apply(value);
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return HttpReply.text(503, cause instanceof TimeoutException
                    ? "the core thread did not answer within " + timeout.toMillis() + " ms"
                    : "the gateway cannot answer: " + cause.getMessage());
        });
    }
}
