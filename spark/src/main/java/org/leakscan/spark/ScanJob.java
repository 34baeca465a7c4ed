package org.leakscan.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * One run: list the inputs, leave out those already in the output, analyse the rest (one app per
 * task while there are at most {@value #MAX_TASKS} of them, largest first, so the last task to
 * finish is a small one), then rebuild the tables from all records.
 */
final class ScanJob {

    /** Above this many apps, a task takes several. */
    static final int MAX_TASKS = 10_000;

    /** What a run did: how many inputs, how many were already done, and what became of the others. */
    record Summary(int inputs, int alreadyDone, Map<AppScanner.Outcome, Long> outcomes) {
        long count(AppScanner.Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }
    }

    private ScanJob() {
    }

    /**
     * @param specs       folders, globs, list files or app files (Hadoop paths)
     * @param appsPerTask apps per task, or 0 for the default
     */
    static Summary run(SparkSession spark, ScanSettings settings, List<String> specs, int appsPerTask)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        List<InputPaths.Input> inputs = InputPaths.expand(specs, conf);
        ResultStore store = new ResultStore(settings.output(), conf);
        Set<String> done = store.hasRecords() ? Tables.done(spark, store, settings.redoFailed()) : Set.of();
        List<InputPaths.Input> todo = new ArrayList<>();
        for (InputPaths.Input in : inputs) {
            if (!done.contains(in.path())) {
                todo.add(in);
            }
        }
        // Largest first: tasks start in partition order, and a large app started last would finish alone.
        todo.sort(Comparator.comparingLong(InputPaths.Input::size).reversed());
        Map<AppScanner.Outcome, Long> outcomes = new TreeMap<>();
        if (!todo.isEmpty()) {
            int perTask = appsPerTask > 0 ? appsPerTask : (todo.size() + MAX_TASKS - 1) / MAX_TASKS;
            int tasks = (todo.size() + perTask - 1) / perTask;
            Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
            jsc.setJobDescription("leakscan: analyse " + todo.size() + " apps");
            Map<String, Long> counted = jsc.parallelize(todo, tasks)
                    .map(in -> AppScanner.scan(in, settings, hadoop.value().get(), taskCpus()).name())
                    .countByValue();
            counted.forEach((k, v) -> outcomes.put(AppScanner.Outcome.valueOf(k), v));
        }
        if (store.hasRecords()) {
            jsc.setJobDescription("leakscan: write tables");
            Tables.write(spark, store);
        }
        return new Summary(inputs.size(), inputs.size() - todo.size(), outcomes);
    }

    /** The cores Spark gave this task ({@code spark.task.cpus}): the analysis's pool gets as many threads. */
    private static int taskCpus() {
        TaskContext task = TaskContext.get();
        return task == null ? 1 : Math.max(1, task.cpus());
    }
}
