package org.leakscan.report.datasafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * Reading Play Console's Data safety CSV: the full export and a hand-made file that lists only
 * its answers read the same; unknown questions are kept with their line; a malformed file is one
 * error naming its line.
 */
class DataSafetyCsvTest {

    static final Path FIXTURES = JsonSchemaAssert.projectDir().resolve("testdata/datasafety");
    static final String HEADER = "Question ID (machine readable),Response ID (machine readable),Response value,"
            + "Answer requirement,Human-friendly question label\n";

    private static Declaration parse(String rows) throws DataSafetyCsvException {
        return DataSafetyCsv.parse("t.csv", HEADER + rows);
    }

    private static String error(String text) {
        return assertThrows(DataSafetyCsvException.class, () -> DataSafetyCsv.parse("t.csv", text)).getMessage();
    }

    @Test
    void aFullExportAndAHandMadeFileReadTheSame() throws DataSafetyCsvException {
        Declaration full = DataSafetyCsv.read(FIXTURES.resolve("complete.csv"));
        assertEquals(Boolean.TRUE, full.collectsData());
        assertEquals(Boolean.FALSE, full.encryptedInTransit());
        assertEquals(Map.of(PlayDataType.PRECISE_LOCATION, new DataSafety.Declared(true, false),
                PlayDataType.PHONE, new DataSafety.Declared(true, false),
                PlayDataType.DEVICE_IDS, new DataSafety.Declared(true, true)), full.dataTypes());
        assertEquals(List.of(), full.unknown(), "every row of a full export is a known question");
        assertEquals(List.of(), full.notes());

        Declaration sparse = DataSafetyCsv.read(FIXTURES.resolve("omits-sdk-sharing.csv"));
        assertEquals(Map.of(PlayDataType.PRECISE_LOCATION, new DataSafety.Declared(true, false),
                PlayDataType.PHONE, new DataSafety.Declared(true, false),
                PlayDataType.DEVICE_IDS, new DataSafety.Declared(true, false)), sparse.dataTypes());
        assertEquals(Boolean.FALSE, sparse.encryptedInTransit());
    }

    @Test
    void theFormHasEveryRowOfAPlayConsoleExport() {
        // A full export has 22 rows of general questions, 38 data types, and 19 usage rows per type.
        assertEquals(22 + 38 + 38 * 19, DataSafetyForm.rows().size());
        assertEquals(38, PlayDataType.values().length);
        assertEquals(List.of("Question ID (machine readable)", "Response ID (machine readable)", "Response value",
                "Answer requirement", "Human-friendly question label"), DataSafetyForm.HEADER);
    }

    @Test
    void quotingCaseByteOrderMarkAndLineEndingsDoNotMatter() throws DataSafetyCsvException {
        String quoted = "\uFEFF\"Question ID (machine readable)\",\"Response ID (machine readable)\",\"Response value\","
                + "\"Answer requirement\",\"Human-friendly question label\"\r\n"
                + "\"PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA\",\"\",\"TRUE\",\"REQUIRED\",\"Q\"\r\n"
                + "\"PSL_DATA_TYPES_LOCATION\",\"PSL_APPROX_LOCATION\",\"TRUE\",\"MULTIPLE_CHOICE\",\"Emplacement/Position"
                + " approximative, \"\"grossière\"\"\nsur deux lignes\"\r\n"
                + "PSL_DATA_USAGE_RESPONSES:PSL_APPROX_LOCATION:PSL_DATA_USAGE_COLLECTION_AND_SHARING,"
                + "PSL_DATA_USAGE_ONLY_SHARED,True,MULTIPLE_CHOICE,x";
        Declaration d = DataSafetyCsv.parse("q.csv", quoted);
        assertEquals(Map.of(PlayDataType.APPROXIMATE_LOCATION, new DataSafety.Declared(false, true)), d.dataTypes());
        assertNull(d.encryptedInTransit());
    }

    @Test
    void unknownQuestionsAreKeptWithTheirLineAndAreNotFatal() throws DataSafetyCsvException {
        Declaration d = parse("""
                PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA,,true,REQUIRED,Q
                PSL_AI_TRAINING_DISCLOSURE,,yes please,REQUIRED,A question Play added later
                PSL_DATA_TYPES_LOCATION,PSL_ORBITAL_POSITION,true,MULTIPLE_CHOICE,A data type Play added later
                PSL_DATA_COLLECTION_USER_REQUEST_DELETE,,true,MAYBE_REQUIRED,An earlier form's question
                PSL_DATA_TYPES_CONTACTS,PSL_CONTACTS,true,MULTIPLE_CHOICE,Contacts / Contacts
                """);
        assertEquals(List.of(new DataSafety.Answer(3, "PSL_AI_TRAINING_DISCLOSURE", "", "yes please"),
                new DataSafety.Answer(4, "PSL_DATA_TYPES_LOCATION", "PSL_ORBITAL_POSITION", "true")), d.unknown());
        assertEquals(Map.of(PlayDataType.CONTACTS, new DataSafety.Declared(true, false)), d.dataTypes());
        assertTrue(d.notes().get(0).startsWith("Contacts is selected without an answer"), d.notes().toString());
    }

    @Test
    void aTypeLeftUnselectedIsNotDeclaredWhateverItsUsageRowsSay() throws DataSafetyCsvException {
        Declaration d = parse("""
                PSL_DATA_TYPES_CONTACTS,PSL_CONTACTS,false,MULTIPLE_CHOICE,x
                PSL_DATA_USAGE_RESPONSES:PSL_CONTACTS:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_COLLECTED,true,MULTIPLE_CHOICE,x
                PSL_DATA_USAGE_RESPONSES:PSL_CALENDAR:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_COLLECTED,true,MULTIPLE_CHOICE,x
                """);
        assertEquals(Map.of(PlayDataType.CALENDAR, new DataSafety.Declared(true, false)), d.dataTypes(),
                "a usage answer without its type row declares the type (hand-made files)");
    }

    @Test
    void answeringNoToCollectingDeclaresNothing() throws DataSafetyCsvException {
        Declaration d = parse("""
                PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA,,false,REQUIRED,Q
                PSL_DATA_TYPES_CONTACTS,PSL_CONTACTS,true,MULTIPLE_CHOICE,x
                """);
        assertEquals(Map.of(), d.dataTypes());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("answers No")), d.notes().toString());
    }

    @Test
    void aMalformedFileIsOneErrorNamingItsLine(@TempDir Path dir) throws IOException {
        String fixture = assertThrows(DataSafetyCsvException.class,
                () -> DataSafetyCsv.read(FIXTURES.resolve("malformed.csv"))).getMessage();
        assertTrue(fixture.startsWith(FIXTURES.resolve("malformed.csv") + ": line 5: a quoted field is not closed"), fixture);

        assertEquals("t.csv: line 1: not a Play Console Data safety CSV: the header must start with \"Question ID"
                + " (machine readable),Response ID (machine readable),Response value\"", error("question,response,value\n"));
        assertTrue(error("").startsWith("t.csv: empty"), error(""));
        assertEquals("t.csv: line 2: expected 3 fields (question, response, value), found 2",
                error(HEADER + "PSL_DATA_TYPES_CONTACTS,PSL_CONTACTS\n"));
        assertEquals("t.csv: line 3: \"yes\" is not an answer to a yes/no or choice question (true, false or empty)",
                error(HEADER + "\nPSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA,,yes,REQUIRED,Q\n"));
        assertEquals("t.csv: line 3: answers PSL_DATA_TYPES_CONTACTS / PSL_CONTACTS again (first on line 2)",
                error(HEADER + "PSL_DATA_TYPES_CONTACTS,PSL_CONTACTS,true\nPSL_DATA_TYPES_CONTACTS,PSL_CONTACTS,false\n"));
        assertEquals("t.csv: line 2: no question ID in the first field", error(HEADER + ",PSL_CONTACTS,true\n"));
        assertEquals("t.csv: line 2: a quote inside a field that does not start with one",
                error(HEADER + "PSL_DATA_TYPES_CONTACTS,PSL_\"CONTACTS,true\n"));
        assertEquals("t.csv: line 2: a quoted field is not closed where the field ends: text follows the closing quote",
                error(HEADER + "PSL_DATA_TYPES_CONTACTS,\"PSL_CONTACTS\"x,true\n"));

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "PSL_ACM_SPECIFY,,caf\u00e9,MAYBE_REQUIRED,x\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String notUtf8 = assertThrows(DataSafetyCsvException.class, () -> DataSafetyCsv.read(latin1)).getMessage();
        assertEquals(latin1 + ": not UTF-8 text (Play Console writes UTF-8)", notUtf8);
        assertEquals(dir.resolve("none.csv") + ": no such file",
                assertThrows(DataSafetyCsvException.class, () -> DataSafetyCsv.read(dir.resolve("none.csv"))).getMessage());
    }

    @Test
    void textAnswersAreNotCheckedAsYesOrNo() throws DataSafetyCsvException {
        Declaration d = parse("PSL_DATA_DELETION_URL,,\"https://example.com/delete?a=1,b=2\",MAYBE_REQUIRED,x\n");
        assertEquals(List.of(), d.unknown());
        assertEquals(Map.of(), d.dataTypes());
    }
}
