package dev.outpost.protocol.hbp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The code's transition tables are exactly the documented ones (HbpSessionTables, docs/protocols/hbp.md). */
class HbpTransitionTableTest {

    @Test
    void peerTableIsTheDocumentedOne() {
        Set<String> actual = new TreeSet<>();
        for (HbpPeerState from : HbpPeerState.values()) {
            for (HbpPeerState.Trigger trigger : HbpPeerState.Trigger.values()) {
                from.next(trigger).ifPresent(to -> actual.add(from + " " + trigger + " " + to));
            }
        }
        assertEquals(documented(HbpSessionTables.PEER), actual);
    }

    @Test
    void masterTableIsTheDocumentedOne() {
        Set<String> actual = new TreeSet<>();
        for (HbpMasterState from : HbpMasterState.values()) {
            for (HbpMasterState.Trigger trigger : HbpMasterState.Trigger.values()) {
                from.next(trigger).ifPresent(to -> actual.add(from + " " + trigger + " " + to));
            }
        }
        assertEquals(documented(HbpSessionTables.MASTER), actual);
    }

    private static Set<String> documented(String[] rows) {
        return Arrays.stream(rows).collect(Collectors.toCollection(TreeSet::new));
    }
}
