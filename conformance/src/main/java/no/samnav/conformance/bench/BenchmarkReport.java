package no.samnav.conformance.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MapperBenchmark} and prints the Markdown table kept in {@code docs/benchmarks.md}:
 * messages/s per core for read and write, the same-run baseline, and their ratios.
 * Extra arguments are passed as JMH parameter values for {@code standard}.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(MapperBenchmark.class.getName());
        if (args.length > 0) options.param("standard", args);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Map<String, double[]>> table = new TreeMap<>();
        for (RunResult r : results) {
            String standard = r.getParams().getParam("standard");
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            var primary = r.getPrimaryResult();
            table.computeIfAbsent(standard, k -> new TreeMap<>())
                    .put(method, new double[] {primary.getScore(), primary.getScoreError()});
        }
        System.out.println();
        System.out.println("| standard | read msg/s | write msg/s | baseline msg/s (StAX pass + HAPI JSON) | read / baseline | write / baseline |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        table.forEach((standard, m) -> {
            double[] read = m.get("read");
            double[] write = m.get("write");
            double[] base = m.get("baseline");
            System.out.printf("| %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %,.0f ± %,.0f | %.2f | %.2f |%n", standard,
                    read[0], read[1], write[0], write[1], base[0], base[1], read[0] / base[0], write[0] / base[0]);
        });
    }
}
