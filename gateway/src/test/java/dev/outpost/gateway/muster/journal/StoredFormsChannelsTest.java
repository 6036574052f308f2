package dev.outpost.gateway.muster.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.MusterChannels;
import dev.outpost.gateway.muster.MusterLink;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredFormsChannelsTest {
    @Test
    void linksKeepTheirChannelsAndUnitAssignment() throws Exception {
        MusterLink link = new MusterLink("dmr1", Bearer.DMR, new Pacing(16.6, 1, 2), true,
                EnumSet.of(CallMethod.POLL, CallMethod.VOICE), new MusterChannels(
                Map.of("311000101/1", new Pacing(8.3, 1, 1), "311000101/2", new Pacing(8.3, 1, 1)),
                Map.of("TH-0001", "311000101/1", "TH-0002", "311000101/2")));
        String json = StoredForms.links(List.of(link));
        assertEquals(List.of(link), StoredForms.links(StoredForms.JSON.readTree(json)));
    }

    @Test
    void linksStoredBeforeChannelsReadBackWithNone() throws Exception {
        String old = "[{\"link_id\":\"dmr1\",\"bearer\":\"DMR\",\"calls_per_second\":8.0,\"max_batch\":1,"
                + "\"max_in_flight\":0,\"up\":true,\"methods\":[\"POLL\"]}]";
        MusterLink read = StoredForms.links(StoredForms.JSON.readTree(old)).get(0);
        assertEquals(MusterChannels.NONE, read.channels());
        assertEquals(new Pacing(8.0, 1, 0), read.pacing());
    }
}
