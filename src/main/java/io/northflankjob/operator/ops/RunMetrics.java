package io.northflankjob.operator.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts runs of NorthflankJobs by outcome and namespace. Exposed by Prometheus as
 * {@code northflank_job_runs_started_total}, {@code northflank_job_runs_succeeded_total} and
 * {@code northflank_job_runs_failed_total}, each with a {@code namespace} label.
 *
 * <p>Call each method once per run, when the operator first sees the run in that state, so the
 * counters count runs rather than reconciliations.
 */
public final class RunMetrics {

  static final String STARTED = "northflank.job.runs.started";
  static final String SUCCEEDED = "northflank.job.runs.succeeded";
  static final String FAILED = "northflank.job.runs.failed";

  private final MeterRegistry registry;

  public RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A run started: a scheduled Job appeared or a NorthflankJobRun got its Job. */
  public void started(String namespace) {
    count(STARTED, "Runs of NorthflankJobs that started", namespace);
  }

  /** A run concluded with status SUCCESS. */
  public void succeeded(String namespace) {
    count(SUCCEEDED, "Runs of NorthflankJobs that concluded with SUCCESS", namespace);
  }

  /** A run concluded with status FAILED. */
  public void failed(String namespace) {
    count(FAILED, "Runs of NorthflankJobs that concluded with FAILED", namespace);
  }

  private void count(String name, String description, String namespace) {
    // The registry returns the existing counter for a known name and namespace.
    Counter.builder(name)
        .description(description)
        .tag("namespace", namespace)
        .register(registry)
        .increment();
  }
}
