package io.northflankjob.operator.bench;

import java.util.List;

/** The results as a table on standard output, with the targets of each figure. */
final class Table {

  private static final String FORMAT =
      "%7s %11s %8s %6s %11s %12s %6s %8s %9s %9s %9s%n";

  private Table() {}

  static void print(List<RunResult> results) {
    System.out.printf("%n== NorthflankJob operator benchmark (%d cores)%n",
        Runtime.getRuntime().availableProcessors());
    System.out.printf(FORMAT, "N", "operator s", "floor s", "ratio", "writes/job", "heap B/job",
        "no-op", "restart", "resync s", "churn p50", "churn p99");
    System.out.printf(FORMAT, "", "", "", "<=1.3", "<=3", "<=10240", "=0", "=0", "", "ms", "<=1000 ms");
    for (RunResult r : results) {
      System.out.printf(FORMAT, r.n, text(r.operator_s), text(r.floor_s), text(r.ratio),
          text(r.writes_per_job), text(r.heap_bytes_per_job), text(r.noop_writes),
          text(r.restart_writes), text(r.resync_s), text(r.churn_p50_ms), text(r.churn_p99_ms));
    }
    for (RunResult r : results) {
      r.errors.forEach(e -> System.out.println("  N=" + r.n + ": " + e));
    }
    System.out.println();
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }
}
