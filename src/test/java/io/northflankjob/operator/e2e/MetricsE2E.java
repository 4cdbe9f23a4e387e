package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.Settings.Cron.ConcurrencyPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the operator process serves on its metrics port while it works. */
@ExtendWith(LocalClusterExtension.class)
class MetricsE2E {

  private static final String NAMESPACE = "e2e-metrics";
  private static final String IN_NAMESPACE = "namespace=\"" + NAMESPACE + "\"";
  private static final String RUNS = "kind=\"NorthflankJobRun\"";

  private static Namespace namespace;
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(LocalCluster cluster) {
    cluster.createNamespace(NAMESPACE, Map.of());
    namespace = new Namespace(cluster.newClient(), NAMESPACE);
    operator = OperatorProcess.start(cluster, "operator-metrics", Map.of("NF_WATCH_NAMESPACES", NAMESPACE));
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
    if (namespace != null) {
      namespace.client().close();
    }
  }

  @Test
  void reconcileAndRunCountersFollowTheWork() {
    operator.awaitReady(Duration.ofSeconds(180));
    ScrapedMetrics before = scrape();
    assertThat(before.sum("northflank_job_runs_started_total", IN_NAMESPACE)).isZero();

    // A job run by hand twice (one run fails), and a cron job the schedule runs.
    namespace.create(TestJobs.manual(NAMESPACE, "counted"));
    namespace.create(TestJobs.tagged(TestJobs.manual(NAMESPACE, "counted-failing"), TestJobs.FAIL));
    namespace.create(TestJobs.cron(NAMESPACE, "counted-cron", "* * * * *", ConcurrencyPolicy.Forbid));
    namespace.create(TestJobs.run(NAMESPACE, "counted-1", "counted"));
    namespace.create(TestJobs.run(NAMESPACE, "counted-failing-1", "counted-failing"));
    awaitConcluded("counted-1", RunStatus.SUCCESS);
    awaitConcluded("counted-failing-1", RunStatus.FAILED);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      ScrapedMetrics after = scrape();
      // The Java Operator SDK's counters moved with the work.
      assertThat(after.sum("operator_sdk_reconciliations_started_total", RUNS))
          .isGreaterThan(before.sum("operator_sdk_reconciliations_started_total", RUNS));
      assertThat(after.sum("operator_sdk_reconciliations_success_total", RUNS))
          .isGreaterThan(before.sum("operator_sdk_reconciliations_success_total", RUNS));
      assertThat(after.sum("operator_sdk_controllers_execution_reconcile_success_total", "controller=\"northflankjob\""))
          .isGreaterThan(before.sum("operator_sdk_controllers_execution_reconcile_success_total", "controller=\"northflankjob\""));
      assertThat(after.has("operator_sdk_events_received_total")).isTrue();
      assertRunCounters(after);
    });

    // The schedule's runs count too, each once, whether it ran before the check above or not.
    RunSummary scheduled = await().atMost(Duration.ofSeconds(150)).until(() -> {
      var job = namespace.job("counted-cron");
      return job == null || job.getStatus() == null ? null : job.getStatus().lastRun;
    }, run -> run != null && run.status == RunStatus.SUCCESS);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(succeeded(namespace.jobsOf("counted-cron")))
          .as("scheduled runs that succeeded, %s among them", scheduled.runName).isPositive();
      assertRunCounters(scrape());
    });
  }

  /**
   * Each run counted once, by outcome: the two runs by hand (one succeeds, one fails) and the
   * runs the schedule started so far.
   */
  private static void assertRunCounters(ScrapedMetrics metrics) {
    List<Job> scheduled = namespace.jobsOf("counted-cron");
    assertThat(metrics.sum("northflank_job_runs_started_total", IN_NAMESPACE)).isEqualTo(2.0 + scheduled.size());
    assertThat(metrics.sum("northflank_job_runs_succeeded_total", IN_NAMESPACE)).isEqualTo(1.0 + succeeded(scheduled));
    assertThat(metrics.sum("northflank_job_runs_failed_total", IN_NAMESPACE)).isEqualTo(1.0);
  }

  private static long succeeded(List<Job> jobs) {
    return jobs.stream()
        .filter(job -> job.getStatus() != null && Integer.valueOf(1).equals(job.getStatus().getSucceeded()))
        .count();
  }

  private static ScrapedMetrics scrape() {
    return new ScrapedMetrics(operator.get("metrics"));
  }

  private static void awaitConcluded(String runName, RunStatus expected) {
    NorthflankJobRun run = await().atMost(Duration.ofSeconds(90)).until(() -> namespace.run(runName),
        r -> r != null && r.getStatus() != null && Boolean.TRUE.equals(r.getStatus().concluded));
    assertThat(run.getStatus().status).isEqualTo(expected);
  }
}
