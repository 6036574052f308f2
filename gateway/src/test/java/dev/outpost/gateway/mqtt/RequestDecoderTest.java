package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
    private final RequestDecoder decoder = new RequestDecoder(64);

    private RequestDecoder.Decoded decode(String payload) {
        return decoder.decode("muster/start", payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String errorCode(RequestDecoder.Decoded decoded) {
        return assertInstanceOf(RequestDecoder.Decoded.Invalid.class, decoded).reply().error().orElseThrow().code();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": |invalid_json",
        "{} {}|invalid_json",
        "'   '|invalid_json",
        "[1,2]|invalid_request",
        "42|invalid_request",
        "\"text\"|invalid_request",
        "{\"transaction\":{\"x\":1}}|invalid_request",
        "{\"transaction\":1.5}|invalid_request",
    })
    void badPayloadsBecomeErrorReplies(String payload, String code) {
        assertEquals(code, errorCode(decode(payload)));
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() {
        assertEquals(ErrorCodes.PAYLOAD_TOO_LARGE, errorCode(decode("{\"x\":\"" + "y".repeat(100) + "\"}")));
    }

    @Test
    void anObjectBecomesARequestWithItsTransactionAsText() {
        Request request = assertInstanceOf(RequestDecoder.Decoded.Valid.class,
                decode("{\"label\":\"drill\",\"transaction\":7}")).request();
        assertEquals("muster/start", request.action());
        assertEquals(Optional.of("7"), request.transaction());
        assertEquals("drill", request.body().get("label").asText());
    }

    @Test
    void transactionIsOptional() {
        Request request = assertInstanceOf(RequestDecoder.Decoded.Valid.class, decode("{}")).request();
        assertEquals(Optional.empty(), request.transaction());
    }
}
