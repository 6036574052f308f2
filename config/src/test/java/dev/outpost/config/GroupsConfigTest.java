package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The {@code groups:} section: district and street groups per bearer; every mistake at its line, all at once. */
class GroupsConfigTest {
    private static final Path FILE = resource("config/minimal.yaml").resolveSibling("groups.yaml");

    private static LoadResult load(String groups) {
        // Lines 1-6 are the required sections; the groups section starts on line 7.
        return ConfigLoader.parse(FILE, TestFiles.REQUIRED_SECTIONS + groups);
    }

    @Test
    void withoutTheSectionThereAreNoGroups() {
        assertEquals(GroupSettings.NONE, load("").orElseThrow().groups());
    }

    @Test
    void districtAndStreetsAreBoundPerBearer() {
        GroupSettings groups = load("""
                groups:
                  district: {poc: G-DIST, dmr_talkgroup: 9}
                  streets:
                    Shipai: {poc: G-SHIPAI, dmr_talkgroup: 4601}
                    天河南街道: {poc: tianhe-south}
                    Linhe: {dmr_talkgroup: 16776415}
                """).orElseThrow().groups();

        assertEquals(new GroupIds(Optional.of("G-DIST"), OptionalLong.of(9)), groups.district());
        assertEquals(List.of("Shipai", "天河南街道", "Linhe"),
                groups.streets().stream().map(GroupSettings.StreetGroups::street).toList());
        assertEquals(new GroupIds(Optional.of("G-SHIPAI"), OptionalLong.of(4601)), groups.street("Shipai").orElseThrow());
        assertEquals(new GroupIds(Optional.of("tianhe-south"), OptionalLong.empty()),
                groups.street("天河南街道").orElseThrow());
        assertEquals(OptionalLong.of(16_776_415), groups.street("Linhe").orElseThrow().dmrTalkgroup());
        assertEquals(10, groups.streets().get(0).line());
        assertEquals(Optional.empty(), groups.street("Tangxia"));
    }

    @Test
    void everyMistakeIsReportedAtItsLine() {
        LoadResult result = load("""
                groups:
                  district: {poc: G-DIST, dmr_talkgroup: 0}
                  streets:
                    Shipai: {poc: G-DIST, dmr_talkgroup: 16776416}
                    Tangxia: {poc: " padded"}
                    Shahe: {dmr_talkgroup: 4601, talkgroup: 5}
                    Wushan: {dmr_talkgroup: 4601}
                    Yuancun: {}
                    Chebei: G-CHEBEI
                  street: {}
                """);

        assertEquals(List.of(
                "8:42 'dmr_talkgroup' must be in 1..16776415, got 0",
                "10:14 PoC group 'G-DIST' is already the group of the district",
                "10:42 'dmr_talkgroup' must be in 1..16776415, got 16776416",
                "11:20 'poc' value ' padded' is not valid: " + GroupsBinder.POC_GROUP_RULE,
                "12:34 unknown key 'talkgroup'",
                "13:14 DMR talkgroup 4601 is already the group of street 'Shahe'",
                "14:5 street 'Yuancun' names no group",
                "15:13 street 'Chebei' must map to its groups, not the string 'G-CHEBEI'",
                "16:3 unknown key 'street', did you mean 'streets'?"), positions(result.errors()));
    }

    @Test
    void streetsMissingFromTheRegistryAreWarnedWithASuggestion() {
        GroupSettings groups = load("""
                groups:
                  streets:
                    Shipai: {poc: G-SHIPAI}
                    Shipia: {poc: G-TYPO}
                """).orElseThrow().groups();

        List<Problem> problems = groups.unknownStreets(FILE, List.of("Shipai", "Tangxia"));

        assertEquals(List.of("10:5 'groups.streets' names street 'Shipia', which no unit in the registry is on, "
                + "did you mean 'Shipai'?"), positions(problems));
        assertTrue(problems.stream().noneMatch(Problem::isError));
    }
}
