package dev.outpost.gateway.http;

import java.nio.charset.StandardCharsets;

/** One response of the status server: a status code, a content type and the whole body. */
public record HttpReply(int status, String contentType, byte[] body) {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";
    /** The Prometheus text exposition format. */
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    public static HttpReply text(int status, String text) {
        return of(status, TEXT, text.endsWith("\n") ? text : text + "\n");
    }

    public static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
