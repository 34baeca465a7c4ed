package org.leakscan.report.datasafety;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leakscan.analysis.findings.DataSafety;

/**
 * Reads the Data safety CSV that Play Console exports and imports: a header
 * ({@code Question ID (machine readable),Response ID (machine readable),Response value,…}), then
 * one row per question and response with its value ({@code true}, {@code false}, empty, or text
 * for links and descriptions). Full exports list every row of the form; hand-made files often
 * list only the answered ones; both read the same. A question leakscan does not know is kept and
 * reported, never an error (Play adds questions); a file that is not such a CSV, or a row that
 * cannot be read, is one error naming its line.
 */
public final class DataSafetyCsv {

    private static final String QUESTION = "Question ID (machine readable)";
    private static final String RESPONSE = "Response ID (machine readable)";
    private static final String VALUE = "Response value";

    private DataSafetyCsv() {
    }

    /**
     * Reads a declaration.
     *
     * @throws DataSafetyCsvException with one line naming the file (and the line) when it cannot
     *                                be read or is not a Data safety CSV
     */
    public static Declaration read(Path file) throws DataSafetyCsvException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataSafetyCsvException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new DataSafetyCsvException(file.toString(), "cannot read (" + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataSafetyCsvException(file.toString(), "not UTF-8 text (Play Console writes UTF-8)");
        }
        return parse(file.toString(), text);
    }

    /** Reads a declaration from its text; {@code name} names it in messages. */
    public static Declaration parse(String name, String text) throws DataSafetyCsvException {
        List<CsvRecords.Line> lines = CsvRecords.read(name, text);
        if (lines.isEmpty()) {
            throw new DataSafetyCsvException(name, "empty: a Data safety CSV starts with the header \""
                    + String.join(",", DataSafetyForm.HEADER) + "\"");
        }
        CsvRecords.Line header = lines.get(0);
        List<String> columns = header.fields().stream().map(String::strip).toList();
        if (columns.size() < 3 || !columns.get(0).equalsIgnoreCase(QUESTION) || !columns.get(1).equalsIgnoreCase(RESPONSE)) {
            throw new DataSafetyCsvException(name, header.number(), "not a Play Console Data safety CSV: the header must"
                    + " start with \"" + QUESTION + "," + RESPONSE + "," + VALUE + "\"");
        }
        int valueColumn = 2;
        for (int i = 2; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(VALUE)) {
                valueColumn = i;
            }
        }
        Boolean collectsData = null;
        Boolean encrypted = null;
        Map<PlayDataType, Boolean> selected = new EnumMap<>(PlayDataType.class);
        Map<PlayDataType, Boolean> collected = new EnumMap<>(PlayDataType.class);
        Map<PlayDataType, Boolean> shared = new EnumMap<>(PlayDataType.class);
        List<DataSafety.Answer> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRecords.Line line : lines.subList(1, lines.size())) {
            List<String> f = line.fields();
            if (f.size() <= valueColumn) {
                throw new DataSafetyCsvException(name, line.number(), "expected " + (valueColumn + 1)
                        + " fields (question, response, value" + (valueColumn > 2 ? ", …" : "") + "), found " + f.size());
            }
            String question = f.get(0).strip();
            String response = f.get(1).strip();
            String value = f.get(valueColumn).strip();
            if (question.isEmpty()) {
                throw new DataSafetyCsvException(name, line.number(), "no question ID in the first field");
            }
            Integer before = seen.putIfAbsent(question + "\n" + response, line.number());
            if (before != null) {
                throw new DataSafetyCsvException(name, line.number(), "answers " + question
                        + (response.isEmpty() ? "" : " / " + response) + " again (first on line " + before + ")");
            }
            if (!DataSafetyForm.isKnown(question, response)) {
                unknown.add(new DataSafety.Answer(line.number(), question, response, value));
                continue;
            }
            if (DataSafetyForm.isText(question)) {
                continue;
            }
            Boolean answer = bool(name, line, value);
            if (question.equals(DataSafetyForm.COLLECTS)) {
                collectsData = answer;
            } else if (question.equals(DataSafetyForm.ENCRYPTED)) {
                encrypted = answer;
            } else if (answer != null) {
                PlayDataType.of(question, response).ifPresent(t -> selected.put(t, answer));
                String[] usage = question.split(":");
                if (usage.length == 3 && usage[2].equals(DataSafetyForm.COLLECTION_AND_SHARING)) {
                    PlayDataType t = PlayDataType.byResponse(usage[1]).orElseThrow();
                    (response.equals(DataSafetyForm.COLLECTED) ? collected : shared).put(t, answer);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        Map<PlayDataType, DataSafety.Declared> declared = new EnumMap<>(PlayDataType.class);
        for (PlayDataType t : PlayDataType.values()) {
            boolean isCollected = Boolean.TRUE.equals(collected.get(t));
            boolean isShared = Boolean.TRUE.equals(shared.get(t));
            Boolean pick = selected.get(t);
            if (Boolean.FALSE.equals(pick) || pick == null && !isCollected && !isShared) {
                continue;
            }
            if (!isCollected && !isShared) {
                notes.add(t.label() + " is selected without an answer to \"Is this data collected, shared, or both?\";"
                        + " it is taken as collected");
                isCollected = true;
            }
            declared.put(t, new DataSafety.Declared(isCollected, isShared));
        }
        if (Boolean.FALSE.equals(collectsData) && !declared.isEmpty()) {
            notes.add("the declaration answers No to \"Does your app collect or share any of the required user data"
                    + " types?\", so the " + declared.size() + " data type" + (declared.size() == 1 ? "" : "s")
                    + " it selects are not declared");
            declared.clear();
        }
        return new Declaration(name, collectsData, encrypted, declared, unknown, notes);
    }

    private static Boolean bool(String name, CsvRecords.Line line, String value) throws DataSafetyCsvException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new DataSafetyCsvException(name, line.number(), "\"" + value
                    + "\" is not an answer to a yes/no or choice question (true, false or empty)");
        };
    }
}
