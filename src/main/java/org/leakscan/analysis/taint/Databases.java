package org.leakscan.analysis.taint;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodRef;

/**
 * The app's SQLite databases as a store: what is written into a table can be read back from it.
 * Spyware keeps stolen SMS and contacts in a table and sends them later from another component;
 * without the store the read-back cursor is empty and the theft is missed. One store per table
 * name (case-insensitive, as SQLite's); a write or read whose table is not a constant uses the
 * store {@code *}, which every read also sees. A write is still a sink of its own (the catalogues'
 * {@code file.sqlite}, private storage): this class only keeps the data.
 */
final class Databases {

    private static final Set<String> DATABASES = Set.of("Landroid/database/sqlite/SQLiteDatabase;",
            "Lnet/sqlcipher/database/SQLiteDatabase;");
    private static final String CURSOR = "Landroid/database/Cursor;";
    private static final String ANY_TABLE = "*";
    private static final Set<String> ROW_WRITES = Set.of("insert", "insertOrThrow", "insertWithOnConflict", "replace",
            "replaceOrThrow", "update", "updateWithOnConflict");
    private static final Set<String> READS = Set.of("query", "queryWithFactory", "rawQuery", "rawQueryWithFactory");
    private static final Pattern READ_TABLE = Pattern.compile("(?i)\\bfrom\\s+[`\"\\[]?(\\w+)");
    private static final Pattern WRITE_TABLE = Pattern.compile(
            "(?i)^\\s*(?:(?:insert|replace)(?:\\s+or\\s+\\w+)?\\s+into|update(?:\\s+or\\s+\\w+)?)\\s+[`\"\\[]?(\\w+)");

    private final Scope scope;

    Databases(Scope scope) {
        this.scope = scope;
    }

    /**
     * A read: the cursor over the tables read, beside what the library model gives. A write: the
     * data kept in its table, then null so the catalogues still judge the call as a sink.
     */
    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        if (call.isStatic() || !DATABASES.contains(ref.owner())) {
            return null;
        }
        String name = ref.name();
        boolean read = READS.contains(name);
        boolean rowWrite = ROW_WRITES.contains(name);
        boolean sqlWrite = name.equals("execSQL");
        if (!read && !rowWrite && !sqlWrite) {
            return null;
        }
        int named = firstStringArgument(ref);
        if (named < 0 || named >= args.length) {
            return null;
        }
        Value table = args[named];
        if (table.strings().isEmpty() && f.isSymbolic(table)) {
            return f.defer(site, call, args); // which table is the caller's to say
        }
        boolean sql = sqlWrite || name.startsWith("raw");
        Set<String> tables = tables(table, sql ? (read ? READ_TABLE : WRITE_TABLE) : null);
        if (read) {
            Value cursor = Value.EMPTY;
            for (String t : tables) {
                cursor = cursor.join(store(f, t));
            }
            if (!tables.contains(ANY_TABLE)) {
                cursor = cursor.join(store(f, ANY_TABLE));
            }
            return Frame.CallResult.of(scope.library.call(f, site, call, args, TaintSet.EMPTY).value().join(cursor));
        }
        TaintSet data = TaintSet.EMPTY;
        for (int k = named; k < args.length; k++) {
            if (sqlWrite || ref.parameterTypes().get(k - 1).equals("Landroid/content/ContentValues;")) {
                data = data.union(f.contentTaint(args[k]));
            }
        }
        if (!data.isEmpty()) {
            for (String t : tables) {
                f.write(store(f, t), f.fields.content, Value.ofTaint(data));
            }
        }
        return null;
    }

    private static Value store(Frame f, String table) {
        return Value.ofObject(f.global("sqlite:" + table, CURSOR).id());
    }

    /** The index in {@code args} (receiver first) of the table name or SQL text: the first string parameter. */
    private static int firstStringArgument(MethodRef ref) {
        List<String> params = ref.parameterTypes();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals("Ljava/lang/String;")) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The tables a table-name or SQL argument names; {@code *} for any it cannot tell. */
    private static Set<String> tables(Value v, Pattern fromSql) {
        Set<String> out = new TreeSet<>();
        if (v.strings().isEmpty()) {
            out.add(ANY_TABLE);
        }
        for (String s : v.strings()) {
            String table = null;
            if (fromSql == null) {
                table = StringValues.isComplete(s) ? s : null;
            } else {
                Matcher m = fromSql.matcher(s);
                if (m.find()) {
                    table = m.group(1);
                }
            }
            out.add(table == null || table.isEmpty() ? ANY_TABLE : table.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
