package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.ops.RunMetrics;
import io.northflankjob.operator.status.JobStatuses;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs counted once each, through reconciles that repeat: the job's status is computed as the
 * NorthflankJob reconciler computes it and fed back as the next reconcile's previous status.
 */
class RunCounterTest {

  private static final String NAMESPACE = MockOperator.NAMESPACE;
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RunCounter counter = new RunCounter(new RunMetrics(registry));
  private final NorthflankJob job = ReconcilerFixtures.cronJob("nightly", "0 3 * * *");

  @Test
  void aScheduledRunIsCountedOnceHoweverOftenItIsReconciled() {
    reconcileJob();
    reconcileJob(scheduled("nightly-1", "10:00:00"));
    reconcileJob(scheduled("nightly-1", "10:00:00"));
    assertCounts(1, 0, 0);

    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Complete"));
    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Complete"));
    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Complete"));

    assertCounts(1, 1, 0);
  }

  @Test
  void runsThatStartAndConcludeBetweenTwoReconcilesAreCounted() {
    Job first = concluded(scheduled("nightly-1", "10:00:00"), "Complete");
    reconcileJob(first);

    reconcileJob(first,
        concluded(scheduled("nightly-2", "11:00:00"), "Failed"),
        concluded(scheduled("nightly-3", "12:00:00"), "Complete"));
    reconcileJob(first,
        concluded(scheduled("nightly-2", "11:00:00"), "Failed"),
        concluded(scheduled("nightly-3", "12:00:00"), "Complete"));

    assertCounts(3, 2, 1);
  }

  @Test
  void overlappingRunsAreCountedWhicheverConcludesFirst() {
    reconcileJob(scheduled("nightly-1", "10:00:00"));
    reconcileJob(scheduled("nightly-1", "10:00:00"), scheduled("nightly-2", "11:00:00"));

    // The earlier run concludes while the later one, the last run, still runs.
    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Failed"),
        scheduled("nightly-2", "11:00:00"));
    assertCounts(2, 0, 1);

    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Failed"),
        concluded(scheduled("nightly-2", "11:00:00"), "Complete"));
    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Failed"),
        concluded(scheduled("nightly-2", "11:00:00"), "Complete"));
    assertCounts(2, 1, 1);
  }

  @Test
  void aRunWhoseStartMovesPastTheLastRunIsNotCountedAgain() {
    // Until the Job controller sets startTime, a run starts at its creation.
    Job pending = scheduled("nightly-1", null);
    pending.getMetadata().setCreationTimestamp("2024-05-01T10:00:00Z");
    reconcileJob(pending, scheduled("nightly-2", "10:00:01"));

    Job started = scheduled("nightly-1", "10:00:02");
    started.getMetadata().setCreationTimestamp("2024-05-01T10:00:00Z");
    reconcileJob(started, scheduled("nightly-2", "10:00:01"));
    reconcileJob(started, concluded(scheduled("nightly-2", "10:00:01"), "Complete"));

    assertCounts(2, 1, 0);
  }

  @Test
  void aRunningRunNotRecordedAsActiveIsCountedWhateverItsStart() {
    // The last run is recorded before the Job controller starts it, so at its creation time; the
    // next run's start, as its Job reports it, comes earlier than that.
    Job byHand = byHand("nightly-by-hand", null);
    byHand.getMetadata().setCreationTimestamp("2024-05-01T10:30:00Z");
    reconcileJob(byHand);
    assertThat(job.getStatus().lastRun.runName).isEqualTo("nightly-by-hand");

    Job next = scheduled("nightly-1", "10:00:00");
    next.getMetadata().setCreationTimestamp("2024-05-01T10:31:00Z");
    reconcileJob(concluded(byHand, "Complete"), next);
    reconcileJob(concluded(byHand, "Complete"), concluded(next, "Failed"));

    assertCounts(1, 0, 1);
  }

  @Test
  void nothingIsCountedAgainAfterARestart() {
    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Complete"),
        scheduled("nightly-2", "11:00:00"));
    assertCounts(2, 1, 0);

    // A new process: fresh counters, the status as the cluster stored it.
    registry = new SimpleMeterRegistry();
    counter = new RunCounter(new RunMetrics(registry));
    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Complete"),
        scheduled("nightly-2", "11:00:00"));
    assertCounts(0, 0, 0);

    reconcileJob(concluded(scheduled("nightly-1", "10:00:00"), "Complete"),
        concluded(scheduled("nightly-2", "11:00:00"), "Failed"));
    assertCounts(0, 0, 1);
  }

  @Test
  void aRunByHandOfACronJobIsCountedOnceByItsOwnReconciler() {
    Job byHand = byHand("nightly-by-hand", "10:00:00");
    NorthflankJobRunStatus notStarted = runStatus(null);
    NorthflankJobRunStatus running = runStatus(RunStatus.RUNNING);
    NorthflankJobRunStatus succeeded = runStatus(RunStatus.SUCCESS);

    // Both reconcilers see the run, each many times.
    counter.handRun(NAMESPACE, null, notStarted);
    counter.handRun(NAMESPACE, notStarted, running);
    reconcileJob(byHand);
    counter.handRun(NAMESPACE, running, running);
    reconcileJob(byHand);
    counter.handRun(NAMESPACE, running, succeeded);
    reconcileJob(concluded(byHand, "Complete"));
    counter.handRun(NAMESPACE, succeeded, succeeded);
    reconcileJob(concluded(byHand, "Complete"));

    assertCounts(1, 1, 0);
    assertThat(job.getStatus().lastRun.runName).isEqualTo("nightly-by-hand");
  }

  @Test
  void aRunByHandFirstSeenConcludedIsCountedStartedAndConcluded() {
    counter.handRun(NAMESPACE, null, runStatus(RunStatus.FAILED));
    counter.handRun(NAMESPACE, runStatus(RunStatus.FAILED), runStatus(RunStatus.FAILED));

    assertCounts(1, 0, 1);
  }

  @Test
  void aRunByHandThatNeverStartsIsNotCounted() {
    counter.handRun(NAMESPACE, null, runStatus(null));
    counter.handRun(NAMESPACE, runStatus(null), runStatus(null));

    assertCounts(0, 0, 0);
  }

  @Test
  void aScheduledRunDeletedWhileRunningCountsAsStartedOnly() {
    reconcileJob(scheduled("nightly-1", "10:00:00"));
    // concurrencyPolicy Replace: the CronJob controller deletes it for the next one.
    reconcileJob(scheduled("nightly-2", "11:00:00"));

    assertCounts(2, 0, 0);
  }

  @Test
  void countsAreByNamespace() {
    counter.handRun("team-a", null, runStatus(RunStatus.RUNNING));
    counter.handRun("team-b", null, runStatus(RunStatus.SUCCESS));

    assertThat(count("northflank.job.runs.started", "team-a")).isEqualTo(1);
    assertThat(count("northflank.job.runs.started", "team-b")).isEqualTo(1);
    assertThat(count("northflank.job.runs.succeeded", "team-a")).isZero();
    assertThat(count("northflank.job.runs.succeeded", "team-b")).isEqualTo(1);
  }

  /** One reconcile of the job: counts against the stored status, then stores the new one. */
  private void reconcileJob(Job... jobs) {
    NorthflankJobStatus before = job.getStatus();
    NorthflankJobStatus after =
        JobStatuses.compute(job, MockOperator.SETTINGS, null, List.of(jobs), List.of(), NOW);
    counter.scheduledRuns(NAMESPACE, before, List.of(jobs));
    job.setStatus(after);
  }

  private void assertCounts(int started, int succeeded, int failed) {
    assertThat(List.of(count("northflank.job.runs.started", NAMESPACE),
        count("northflank.job.runs.succeeded", NAMESPACE),
        count("northflank.job.runs.failed", NAMESPACE)))
        .as("started, succeeded, failed")
        .containsExactly((double) started, (double) succeeded, (double) failed);
  }

  private double count(String name, String namespace) {
    Counter found = registry.find(name).tag("namespace", namespace).counter();
    return found == null ? 0 : found.count();
  }

  /** A Job as the job's CronJob makes it; {@code startTime} is a time of 2024-05-01 or null. */
  private static Job scheduled(String name, String startTime) {
    return new JobBuilder()
        .withNewMetadata()
          .withName(name).withNamespace(NAMESPACE)
          .withCreationTimestamp(startTime == null ? null : "2024-05-01T" + startTime + "Z")
          .addToLabels("app.kubernetes.io/managed-by", "northflank-job-operator")
          .addToLabels("northflank.com/job", "nightly")
        .endMetadata()
        .withNewStatus()
          .withStartTime(startTime == null ? null : "2024-05-01T" + startTime + "Z")
        .endStatus()
        .build();
  }

  /** A Job as the NorthflankJobRun reconciler makes it. */
  private static Job byHand(String name, String startTime) {
    Job job = scheduled(name, startTime);
    job.getMetadata().getLabels().put("northflank.com/run", name);
    return job;
  }

  private static Job concluded(Job job, String type) {
    return new JobBuilder(job)
        .editStatus()
          .addToConditions(new JobConditionBuilder()
              .withType(type).withStatus("True")
              .withReason(type.equals("Failed") ? "BackoffLimitExceeded" : null)
              .withLastTransitionTime("2024-05-01T12:00:00Z")
              .build())
        .endStatus()
        .build();
  }

  private static NorthflankJobRunStatus runStatus(RunStatus status) {
    NorthflankJobRunStatus runStatus = new NorthflankJobRunStatus();
    runStatus.status = status;
    return runStatus;
  }
}
