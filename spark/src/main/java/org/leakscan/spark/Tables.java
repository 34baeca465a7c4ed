package org.leakscan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import scala.Tuple4;

/**
 * The job's output tables, rebuilt from the records at the end of every run, so they always hold
 * every app analysed so far, once:
 * <ul>
 *   <li>{@code apps.parquet} and {@code apps.jsonl/}: one row per app, the columns of
 *       {@code leakscan scan --batch}'s {@code summary.jsonl} (the JSON Lines are the very lines
 *       {@link org.leakscan.report.summary.SummaryRow} makes);</li>
 *   <li>{@code flows.parquet} and {@code flows.jsonl/}: one row per flow group ({@link FlowGroups}).</li>
 * </ul>
 * Rows are sorted by input. Each table is replaced whole; a run killed while writing them leaves the
 * records intact, and the next run writes the tables again.
 */
final class Tables {

    static final String APPS_PARQUET = "apps.parquet";
    static final String APPS_JSONL = "apps.jsonl";
    static final String FLOWS_PARQUET = "flows.parquet";
    static final String FLOWS_JSONL = "flows.jsonl";

    /** Rows per output file, roughly: a small run gets one file per table. */
    private static final int ROWS_PER_FILE = 200_000;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static final StructType COUNTS = struct(
            field("permissions", DataTypes.IntegerType), field("components", DataTypes.IntegerType),
            field("trackers", DataTypes.IntegerType), field("endpoints", DataTypes.IntegerType),
            field("dataAccess", DataTypes.IntegerType), field("flows", DataTypes.IntegerType),
            field("classes", DataTypes.IntegerType));

    private static final StructType DESTINATION = struct(
            field("host", DataTypes.StringType), field("entity", DataTypes.StringType),
            field("owner", DataTypes.StringType), field("country", DataTypes.StringType));

    private static final StructType FINDING = struct(
            field("rule", DataTypes.StringType), field("severity", DataTypes.StringType),
            field("count", DataTypes.IntegerType));

    /** The apps table: {@link org.leakscan.report.summary.SummaryRow}'s fields, in its order. */
    static final StructType APPS = struct(
            field("input", DataTypes.StringType),
            field("package", DataTypes.StringType),
            field("versionName", DataTypes.StringType),
            field("versionCode", DataTypes.LongType),
            field("format", DataTypes.StringType),
            field("sha256", DataTypes.StringType),
            field("sizeBytes", DataTypes.LongType),
            field("status", DataTypes.StringType),
            field("exitCode", DataTypes.IntegerType),
            field("counts", COUNTS),
            field("trackers", DataTypes.createArrayType(DataTypes.StringType)),
            field("dataTypesLeaving", DataTypes.createArrayType(DataTypes.StringType)),
            field("destinations", DataTypes.createArrayType(DESTINATION)),
            field("findings", DataTypes.createArrayType(FINDING)),
            field("seconds", DataTypes.DoubleType),
            field("errors", DataTypes.createArrayType(DataTypes.StringType)),
            field("reports", DataTypes.createArrayType(DataTypes.StringType)));

    /** The flows table: {@link FlowGroups}' fields, in its order. */
    static final StructType FLOWS = struct(
            field("input", DataTypes.StringType),
            field("sha256", DataTypes.StringType),
            field("package", DataTypes.StringType),
            field("dataType", DataTypes.StringType),
            field("category", DataTypes.StringType),
            field("sinkKind", DataTypes.StringType),
            field("host", DataTypes.StringType),
            field("entity", DataTypes.StringType),
            field("owner", DataTypes.StringType),
            field("country", DataTypes.StringType),
            field("unresolved", DataTypes.BooleanType),
            field("sentBy", DataTypes.StringType),
            field("sdk", DataTypes.StringType),
            field("flows", DataTypes.IntegerType));

    private Tables() {
    }

    /**
     * The qualified paths whose apps need no new analysis: every record's, except inputs to try
     * again (unread; with {@code redoFailed}, also failed).
     */
    static Set<String> done(SparkSession spark, ResultStore store, boolean redoFailed) {
        Dataset<Row> records = records(spark, store).filter(not(col("retry")));
        if (redoFailed) {
            records = records.filter(col("status").notEqual("failed"));
        }
        return new HashSet<>(records.select("path").distinct().as(Encoders.STRING()).collectAsList());
    }

    /** Rewrites the four tables from the records. */
    static void write(SparkSession spark, ResultStore store) throws IOException {
        Dataset<Row> records = records(spark, store);
        if (store.hasUnreadRecords()) {
            // An input unread once and read since has both records: the unread one is stale.
            Dataset<Row> read = records.filter(not(col("retry")));
            records = read.unionByName(records.filter(col("retry")).join(read.select("path"), "path", "left_anti"));
        }
        Dataset<String> kept = records.select("record").as(Encoders.STRING()).cache();
        int files = Math.max(1, (int) Math.ceil(store.countRecords() / (double) ROWS_PER_FILE));
        Encoder<Tuple2<String, String>> pairs = Encoders.tuple(Encoders.STRING(), Encoders.STRING());
        Dataset<Row> apps = kept.map((MapFunction<String, Tuple2<String, String>>) Tables::appLine, pairs)
                .toDF("input", "line");
        Dataset<Row> flows = kept.flatMap((FlatMapFunction<String, Tuple2<String, String>>) Tables::flowLines, pairs)
                .toDF("input", "line");
        writeTable(spark, sorted(apps, files), APPS, new Path(store.root(), APPS_JSONL),
                new Path(store.root(), APPS_PARQUET));
        writeTable(spark, sorted(flows, files), FLOWS, new Path(store.root(), FLOWS_JSONL),
                new Path(store.root(), FLOWS_PARQUET));
        kept.unpersist();
    }

    /** The lines by input, in {@code files} files; one file needs no shuffle, only a sort. */
    private static Dataset<String> sorted(Dataset<Row> lines, int files) {
        Dataset<Row> parts = files == 1 ? lines.coalesce(1) : lines.repartitionByRange(files, col("input"), col("line"));
        return parts.sortWithinPartitions("input", "line").select("line").as(Encoders.STRING());
    }

    /** The lines as they are (JSON Lines), and parsed with the table's schema (Parquet). */
    private static void writeTable(SparkSession spark, Dataset<String> lines, StructType schema, Path jsonl,
                                   Path parquet) {
        lines.write().mode(SaveMode.Overwrite).text(jsonl.toString());
        spark.read().schema(schema).option("mode", "FAILFAST").json(lines)
                .write().mode(SaveMode.Overwrite).parquet(parquet.toString());
    }

    /** Every record as (path, retry, status, record). */
    static Dataset<Row> records(SparkSession spark, ResultStore store) {
        // One root listed recursively: a glob over the shard folders would make Spark list them in a job of its own.
        return spark.read().option("recursiveFileLookup", "true").option("pathGlobFilter", "*.json")
                .textFile(store.resultsFolder().toString())
                .filter((FilterFunction<String>) l -> !l.isBlank())
                .map((MapFunction<String, Tuple4<String, Boolean, String, String>>) Tables::recordFields,
                        Encoders.tuple(Encoders.STRING(), Encoders.BOOLEAN(), Encoders.STRING(), Encoders.STRING()))
                .toDF("path", "retry", "status", "record");
    }

    private static Tuple4<String, Boolean, String, String> recordFields(String record) {
        JsonObject o = JsonParser.parseString(record).getAsJsonObject();
        return new Tuple4<>(o.get("path").getAsString(), o.get("retry").getAsBoolean(),
                o.getAsJsonObject("app").get("status").getAsString(), record);
    }

    /** A record's apps-table row as (input, JSON line). Gson keeps fields' order and numbers' text: it is the line SummaryRow made. */
    private static Tuple2<String, String> appLine(String record) {
        JsonObject app = JsonParser.parseString(record).getAsJsonObject().getAsJsonObject("app");
        return new Tuple2<>(app.get("input").getAsString(), GSON.toJson(app));
    }

    /** A record's flows-table rows as (input, JSON line). */
    private static Iterator<Tuple2<String, String>> flowLines(String record) {
        List<Tuple2<String, String>> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(record).getAsJsonObject().getAsJsonArray("flows")) {
            out.add(new Tuple2<>(e.getAsJsonObject().get("input").getAsString(), GSON.toJson(e)));
        }
        return out.iterator();
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
