package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RunMetrics runs = new RunMetrics(registry);

  @Test
  void countsEachOutcomePerNamespace() {
    runs.started("team-a");
    runs.started("team-a");
    runs.started("team-b");
    runs.succeeded("team-a");
    runs.failed("team-b");

    assertThat(registry.scrape())
        .contains("northflank_job_runs_started_total{namespace=\"team-a\"} 2.0")
        .contains("northflank_job_runs_started_total{namespace=\"team-b\"} 1.0")
        .contains("northflank_job_runs_succeeded_total{namespace=\"team-a\"} 1.0")
        .contains("northflank_job_runs_failed_total{namespace=\"team-b\"} 1.0")
        .doesNotContain("northflank_job_runs_succeeded_total{namespace=\"team-b\"}");
  }
}
