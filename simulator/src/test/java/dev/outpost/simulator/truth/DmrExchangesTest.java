package dev.outpost.simulator.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmrExchangesTest {
    private static final String CHECK = "radio_check";

    private static TruthEntry.DmrDelivered call(String unit, String kind, long arrived) {
        return new TruthEntry.DmrDelivered("c", unit, 1, kind, 311_000_101L, 1, arrived, arrived + 10, arrived + 40);
    }

    private static TruthEntry.DmrReplied answer(String unit, String kind, long reach, long sent) {
        return new TruthEntry.DmrReplied("c", unit, 1, kind, 311_000_101L, 1, reach, reach + 60, sent, Instant.EPOCH,
                60);
    }

    @Test
    void eachUnitsFirstRequestAndFirstAnswerSinceTheInstant() {
        List<TruthEntry> truth = List.of(
                call("A", CHECK, 50), answer("A", CHECK, 90, 200),          // before the instant: ignored
                call("A", CHECK, 1_000), call("A", CHECK, 2_500),           // a retry: the first counts
                answer("A", CHECK, 2_540, 2_700), answer("A", CHECK, 1_040, 1_200),
                call("B", CHECK, 1_100),                                    // never answered: absent
                call("C", "call_alert", 1_200), answer("C", "call_alert", 1_240, 1_400)); // another kind

        Map<String, DmrExchanges.Exchange> exchanges = DmrExchanges.since(truth, CHECK, 1_000);

        assertEquals(Map.of("A", new DmrExchanges.Exchange((TruthEntry.DmrDelivered) truth.get(2),
                (TruthEntry.DmrReplied) truth.get(5))), exchanges);
        assertEquals(200, exchanges.get("A").expectedNanos(), "answer sent at 1,200 - request arrived at 1,000");
    }
}
