package dev.outpost.gateway.muster.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.TalkgroupVoiceLink.TalkgroupVoice;
import dev.outpost.gateway.muster.MusterChannels;
import dev.outpost.gateway.muster.MusterInput;
import dev.outpost.gateway.muster.MusterLink;
import dev.outpost.gateway.muster.MusterRequest;
import dev.outpost.gateway.muster.MusterScope;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a voice muster over a talkgroup needs to be rebuilt: its PTT inputs, request and link defaults, exactly. */
class StoredVoiceFormsTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:15:01.234567891Z");

    @Test
    void pttInputsReadBackAsTheyWere() throws Exception {
        for (EventPayload payload : List.of(new EventPayload.PttStart("311000101-77", "tg:46001"),
                new EventPayload.PttEnd("311000101-78", "tg:46001"))) {
            for (Optional<String> unitId : List.of(Optional.of("TH-0001"), Optional.<String>empty())) {
                MusterInput input = new MusterInput.Ptt(1_500_000_123L, new UnitEvent("e-1", unitId, Bearer.DMR,
                        "4600001", "dmr", 1_400_000_001L, AT, payload));
                String body = StoredInputs.body(input);
                assertEquals(input, StoredInputs.read(StoredInputs.kind(input), 1_500_000_123L,
                        StoredForms.JSON.readTree(body)), body);
                assertEquals("ptt", StoredInputs.kind(input));
            }
        }
    }

    @Test
    void requestsKeepTheirTalkgroupAndDispatcherAndOldOnesHaveNone() throws Exception {
        MusterRequest voice = new MusterRequest(Optional.of("v1"), new MusterScope.All(), CallMethod.VOICE,
                Duration.ofSeconds(8), 1, Duration.ofSeconds(20), Duration.ofSeconds(2), List.of("dmr"), "drill",
                true, Optional.of(46001), Optional.of(4600001));
        assertEquals(voice, StoredForms.request(StoredForms.JSON.readTree(StoredForms.request(voice))));

        MusterRequest poll = new MusterRequest(Optional.empty(), new MusterScope.All(), CallMethod.POLL,
                Duration.ofSeconds(1), 0, Duration.ofSeconds(5), Duration.ZERO, List.of(), "");
        assertEquals(poll, StoredForms.request(StoredForms.JSON.readTree(StoredForms.request(poll))));
    }

    @Test
    void linksKeepTheirTalkgroupVoiceDefaults() throws Exception {
        List<MusterLink> links = List.of(
                new MusterLink("dmr", Bearer.DMR, new Pacing(8, 1, 1), true, EnumSet.allOf(CallMethod.class),
                        MusterChannels.NONE, Optional.of(new TalkgroupVoice(Optional.of(4600001), Optional.of(46001)))),
                new MusterLink("bm", Bearer.DMR, new Pacing(8, 1, 1), true, EnumSet.allOf(CallMethod.class),
                        MusterChannels.NONE, Optional.of(TalkgroupVoice.NONE)),
                new MusterLink("poc", Bearer.POC, new Pacing(50, 50, 0), true, EnumSet.allOf(CallMethod.class)));
        assertEquals(links, StoredForms.links(StoredForms.JSON.readTree(StoredForms.links(links))));
    }
}
