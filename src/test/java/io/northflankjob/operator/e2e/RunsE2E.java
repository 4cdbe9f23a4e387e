package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.status.IsoTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs of manual jobs on a real cluster: success, retries up to the backoff limit, the deadline. */
@ExtendWith(LocalClusterExtension.class)
class RunsE2E {

  private static InJvmOperator operator;
  private static Namespace namespace;

  @BeforeAll
  static void startOperator(LocalCluster cluster) {
    cluster.createNamespace("e2e-runs", Map.of());
    operator = InJvmOperator.start(cluster.newClient(), "e2e-runs");
    namespace = new Namespace(operator.client(), "e2e-runs");
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void runOfManualJobGoesFromRunningToSuccess() {
    namespace.create(TestJobs.manual(namespace.name(), "hello"));
    NorthflankJobRunStatus status;
    try (StatusHistory history = new StatusHistory(namespace, "hello-1")) {
      namespace.create(TestJobs.run(namespace.name(), "hello-1", "hello"));

      status = await().atMost(Duration.ofSeconds(60)).until(
          () -> statusOf("hello-1"), s -> s != null && s.status == RunStatus.SUCCESS);
      assertThat(history.statuses()).containsExactly(RunStatus.RUNNING, RunStatus.SUCCESS);
    }

    assertThat(status.runName).isEqualTo("hello-1");
    assertThat(status.concluded).isTrue();
    assertThat(status.succeeded).isEqualTo(1);
    assertThat(status.failed).isZero();
    assertThat(status.active).isZero();
    assertThat(IsoTime.parse(status.concludedAt)).isAfterOrEqualTo(IsoTime.parse(status.startedAt));
    // One Job, named after the run and owned by it; its pod really completed.
    Job job = single(namespace.jobsOfRun("hello-1"));
    assertThat(job.getMetadata().getName()).isEqualTo("hello-1");
    assertThat(job.getMetadata().getOwnerReferences())
        .anySatisfy(owner -> assertThat(owner.getKind()).isEqualTo("NorthflankJobRun"));
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(namespace.podsOfRun("hello-1")).extracting(pod -> pod.getStatus().getPhase())
        .containsExactly("Succeeded");
    // The job shows its latest run.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      NorthflankJob nfJob = namespace.job("hello");
      assertThat(nfJob.getStatus().lastRun).isNotNull();
      assertThat(nfJob.getStatus().lastRun.runName).isEqualTo("hello-1");
      assertThat(nfJob.getStatus().lastRun.status).isEqualTo(RunStatus.SUCCESS);
      assertThat(nfJob.getStatus().activeRuns).isEmpty();
    });
  }

  @Test
  void failingRunIsRetriedUpToBackoffLimitThenFails() {
    NorthflankJob failing = TestJobs.tagged(TestJobs.manual(namespace.name(), "flaky"), TestJobs.FAIL);
    failing.getSpec().settings.backoffLimit = 2;
    namespace.create(failing);
    namespace.create(TestJobs.run(namespace.name(), "flaky-1", "flaky"));

    // The Job controller waits 10 s, then 20 s before the retries.
    NorthflankJobRunStatus status = await().atMost(Duration.ofSeconds(120)).until(
        () -> statusOf("flaky-1"), s -> s != null && Boolean.TRUE.equals(s.concluded));

    assertThat(status.status).isEqualTo(RunStatus.FAILED);
    assertThat(status.reason).isEqualTo("BackoffLimitExceeded");
    assertThat(status.backoffLimit).isEqualTo(2);
    assertThat(status.failed).isEqualTo(1);
    assertThat(status.concludedAt).isNotNull();
    // The first attempt and two retries, each a pod that failed.
    Job job = single(namespace.jobsOfRun("flaky-1"));
    assertThat(job.getStatus().getFailed()).isEqualTo(3);
    assertThat(namespace.podsOfRun("flaky-1")).hasSize(3)
        .extracting(pod -> pod.getStatus().getPhase()).containsOnly("Failed");
  }

  @Test
  void activeDeadlineEndsHangingRunAsFailed() {
    NorthflankJob hanging = TestJobs.tagged(TestJobs.manual(namespace.name(), "stuck"), TestJobs.HANG);
    hanging.getSpec().settings.activeDeadlineSeconds = 10L;
    hanging.getSpec().settings.backoffLimit = 3;
    namespace.create(hanging);
    NorthflankJobRunStatus status;
    try (StatusHistory history = new StatusHistory(namespace, "stuck-1")) {
      namespace.create(TestJobs.run(namespace.name(), "stuck-1", "stuck"));

      status = await().atMost(Duration.ofSeconds(90)).until(
          () -> statusOf("stuck-1"), s -> s != null && Boolean.TRUE.equals(s.concluded));
      assertThat(history.statuses()).containsExactly(RunStatus.RUNNING, RunStatus.FAILED);
    }

    assertThat(status.status).isEqualTo(RunStatus.FAILED);
    assertThat(status.reason).isEqualTo("DeadlineExceeded");
    assertThat(Duration.between(IsoTime.parse(status.startedAt), IsoTime.parse(status.concludedAt)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    // The deadline ends the run, retries and all: the hanging pod is stopped, none replaces it.
    Job job = single(namespace.jobsOfRun("stuck-1"));
    assertThat(job.getStatus().getFailed()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(namespace.podsOfRun("stuck-1")).map(Pod::getStatus)
            .noneMatch(pod -> "Running".equals(pod.getPhase()) || "Pending".equals(pod.getPhase())));
  }

  @Test
  void cliStartRunWithWaitExitsZeroWhenTheRunSucceeds(LocalCluster cluster) {
    namespace.create(TestJobs.manual(namespace.name(), "cli-ok"));

    ExternalCommand.Result started = OperatorJar.cli(cluster, Duration.ofSeconds(150),
        "start", "run", "cli-ok", "-n", namespace.name(), "--name", "cli-ok-1", "--wait", "--timeout", "120s");

    assertThat(started.exitCode()).as(started.describe()).isZero();
    assertThat(started.stdout()).contains("\"runName\"").contains("cli-ok-1");
    assertThat(statusOf("cli-ok-1").status).isEqualTo(RunStatus.SUCCESS);
    assertThat(namespace.jobsOfRun("cli-ok-1")).hasSize(1);
  }

  @Test
  void cliStartRunWithWaitExitsOneWhenTheRunFails(LocalCluster cluster) {
    namespace.create(TestJobs.tagged(TestJobs.manual(namespace.name(), "cli-fail"), TestJobs.FAIL));

    ExternalCommand.Result started = OperatorJar.cli(cluster, Duration.ofSeconds(150),
        "start", "run", "cli-fail", "-n", namespace.name(), "--name", "cli-fail-1", "--wait", "--timeout", "120s");

    assertThat(started.exitCode()).as(started.describe()).isEqualTo(1);
    assertThat(started.stderr()).contains("BackoffLimitExceeded");
    assertThat(statusOf("cli-fail-1").status).isEqualTo(RunStatus.FAILED);
  }

  private static NorthflankJobRunStatus statusOf(String runName) {
    NorthflankJobRun run = namespace.run(runName);
    return run == null ? null : run.getStatus();
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
