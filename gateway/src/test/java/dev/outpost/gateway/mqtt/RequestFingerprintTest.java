package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
    private static String of(String json) throws Exception {
        return RequestFingerprint.of((ObjectNode) MqttJson.mapper().readTree(json));
    }

    @Test
    void keyOrderAndSpacingDoNotMatterAtAnyLevel() throws Exception {
        assertEquals(of("{\"label\":\"a\",\"scope\":{\"type\":\"units\",\"units\":[\"u1\"]}}"),
                of("{ \"scope\" : {\"units\":[\"u1\"], \"type\":\"units\"},\n\"label\":\"a\" }"));
    }

    @Test
    void theTransactionIsNotPartOfWhatIsAskedFor() throws Exception {
        assertEquals(of("{\"label\":\"a\"}"), of("{\"transaction\":\"t1\",\"label\":\"a\"}"));
        assertEquals(of("{\"transaction\":7,\"label\":\"a\"}"), of("{\"label\":\"a\",\"transaction\":\"t2\"}"));
    }

    @Test
    void aNestedTransactionKeyIsPartOfTheBody() throws Exception {
        assertNotEquals(of("{\"scope\":{}}"), of("{\"scope\":{\"transaction\":\"t1\"}}"));
    }

    @Test
    void anyDifferentValueChangesIt() throws Exception {
        String base = of("{\"retries\":1,\"scope\":{\"type\":\"units\",\"units\":[\"u1\",\"u2\"]}}");
        assertNotEquals(base, of("{\"retries\":2,\"scope\":{\"type\":\"units\",\"units\":[\"u1\",\"u2\"]}}"));
        assertNotEquals(base, of("{\"retries\":\"1\",\"scope\":{\"type\":\"units\",\"units\":[\"u1\",\"u2\"]}}"));
        assertNotEquals(base, of("{\"retries\":1,\"scope\":{\"type\":\"units\",\"units\":[\"u2\",\"u1\"]}}"),
                "array order is meaningful");
        assertNotEquals(base, of("{\"retries\":1}"), "a missing field");
        assertNotEquals(of("{}"), of("{\"label\":null}"), "an explicit null is a field");
    }
}
