package dev.outpost.config.registry;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryCsvTest {

    @Test
    void readsQuotedUnicodeCellsThroughByteOrderMark() {
        RegistryReadResult result = RegistryCsv.read(resource("registry/valid.csv"));

        assertEquals(List.of(), result.problems());
        assertEquals(4, result.units().size());
        Unit first = result.units().get(0);
        assertEquals("天河路安保单元, 一组", first.name());
        assertEquals(UnitClass.A, first.unitClass());
        assertEquals(23.1325, first.lat());
        assertEquals(2300001, first.dmrId());
        assertEquals(null, first.issi());
        assertEquals(12, first.staff());
        assertEquals("Zhujiang \"New Town\" desk", result.units().get(1).name());
        assertEquals(Lifecycle.ON_LEAVE, result.units().get(1).lifecycle());
        assertEquals(Optional.of("102-2002"), result.units().get(2).address(Bearer.FLEETSYNC));
    }

    @Test
    void emptyCellsAreAbsentWithDefaults() {
        List<Unit> units = RegistryCsv.read(resource("registry/valid.csv")).units();

        Unit third = units.get(2);
        assertFalse(third.hasPosition());
        assertEquals(Lifecycle.ACTIVE, third.lifecycle());
        Unit fourth = units.get(3);
        assertEquals("Line\nbreak name", fourth.name());
        assertEquals(0, fourth.staff());
        assertEquals("", fourth.street());
        assertEquals(null, fourth.pocUser());
    }

    @Test
    void reportsEveryRowProblemWithLineAndColumn() {
        RegistryReadResult result = RegistryCsv.read(resource("registry/invalid.csv"));

        List<String> expected = List.of(
                "3:1 unit_id is empty",
                "4:14 class 'E' is not one of A, B, C, D",
                "5:27 lat and lon must be given together",
                "6:16 lat 91 is out of range",
                "7:18 dmr_id 16777216 is out of range",
                "8:20 issi 0 is out of range",
                "9:26 fleetsync_id '350-1000' is out of range",
                "10:28 lifecycle 'retired' is not one of active, on_leave, deactivated",
                "11:32 staff -1 is out of range",
                "12:1 duplicate unit_id 'U1' on lines 2 (unit U1) and 12 (unit U1)",
                "13:19 duplicate dmr_id '100' on lines 2 (unit U1) and 13 (unit U12)",
                "14:21 duplicate issi '200' on lines 2 (unit U1) and 14 (unit U13)",
                "15:27 duplicate fleetsync_id '101-1001' on lines 2 (unit U1) and 15 (unit U14)",
                "16:22 duplicate poc_user 'p1' on lines 2 (unit U1) and 16 (unit U15)",
                "17:0 row has 3 cells but the header has 12");
        assertEquals(expected, positions(result.problems()));
        assertTrue(result.hasErrors());
        assertEquals(List.of("U1"), result.units().stream().map(Unit::unitId).toList());
    }

    @Test
    void problemsFormatLikeCompilerDiagnostics() {
        Problem problem = RegistryCsv.read(resource("registry/invalid.csv")).problems().get(0);

        assertTrue(problem.format().endsWith("invalid.csv:3:1: error: unit_id is empty "
                + "(hint: every unit needs a unique id)"), problem.format());
    }

    @Test
    void headerMustHoldExactlyTheKnownColumns() {
        RegistryReadResult result = RegistryCsv.read(resource("registry/bad-header.csv"));

        assertEquals(List.of(
                        "1:0 missing column 'name'",
                        "1:0 missing column 'staff'",
                        "1:9 unknown column 'nmae', did you mean 'name'?"),
                positions(result.problems()));
        assertTrue(result.units().isEmpty());
    }

    @Test
    void headerColumnsMayComeInAnyOrder() {
        String csv = "class,unit_id,name,street,lat,lon,dmr_id,issi,fleetsync_id,poc_user,lifecycle,staff\n"
                + "B,U1,n,s,,,,,,,,\n";

        RegistryReadResult result = RegistryCsv.parse(Path.of("units.csv"), csv);

        assertEquals(List.of(), result.problems());
        assertEquals(UnitClass.B, result.units().get(0).unitClass());
    }

    @Test
    void unterminatedQuoteIsReportedWhereItOpened() {
        String csv = String.join(",", RegistryColumn.headers()) + "\n" + "U1,\"open,A,s,,,,,,,,\n";

        RegistryReadResult result = RegistryCsv.parse(Path.of("units.csv"), csv);

        assertTrue(positions(result.problems()).contains("2:4 unterminated quoted cell"),
                positions(result.problems()).toString());
    }

    @Test
    void textAfterClosingQuoteIsAnError() {
        String csv = String.join(",", RegistryColumn.headers()) + "\r\n" + "U1,\"a\"b,A,s,,,,,,,,\r\n";

        RegistryReadResult result = RegistryCsv.parse(Path.of("units.csv"), csv);

        assertEquals(List.of("2:7 text after the closing quote of a cell"),
                positions(result.problems()));
    }

    @Test
    void emptyAndMissingFilesAreProblemsNotExceptions() {
        assertEquals(List.of("1:0 registry file is empty"),
                positions(RegistryCsv.parse(Path.of("u.csv"), "\n\n").problems()));
        RegistryReadResult missing = RegistryCsv.read(Path.of("/nonexistent/units.csv"));
        assertEquals("/nonexistent/units.csv: error: cannot read registry file: no such file",
                missing.problems().get(0).format());
    }

    @Test
    void writerRoundTripsWithReader() throws IOException {
        List<Unit> units = List.of(
                new Unit("TH-1", "天河, \"东\" 单元", UnitClass.A, " leading space", 23.0000001, -113.5, 1, 16777215L,
                        "349-4999", "user one", Lifecycle.DEACTIVATED, 0),
                new Unit("TH-2", "multi\r\nline", UnitClass.D, "", 1.0E-5, 0.0, null, null, null, null,
                        Lifecycle.ON_LEAVE, 18365),
                new Unit("TH-3", "", UnitClass.C, "街道", null, null, 16777215, 1L, "100-1000", "p", Lifecycle.ACTIVE, 7));
        StringWriter out = new StringWriter();

        RegistryCsv.write(units, out);
        RegistryReadResult back = RegistryCsv.parse(Path.of("written.csv"), out.toString());

        assertEquals(List.of(), back.problems());
        assertEquals(units, back.units());
        assertTrue(out.toString().startsWith(
                "unit_id,name,class,street,lat,lon,dmr_id,issi,fleetsync_id,poc_user,lifecycle,staff\n"));
        assertTrue(out.toString().contains(",0.00001,0,"), out.toString());
    }

    @Test
    void fixtureRoundTripsThroughWriter() throws IOException {
        RegistryReadResult original = RegistryCsv.read(resource("registry/valid.csv"));
        StringWriter out = new StringWriter();

        RegistryCsv.write(original.units(), out);

        assertEquals(original.units(), RegistryCsv.parse(Path.of("copy.csv"), out.toString()).units());
        assertEquals(4, original.toRegistry().size());
    }
}
