package io.northflankjob.operator.status;

import static io.northflankjob.operator.status.StatusFixtures.condition;
import static io.northflankjob.operator.status.StatusFixtures.cronJob;
import static io.northflankjob.operator.status.StatusFixtures.job;
import static io.northflankjob.operator.status.StatusFixtures.k8sJob;
import static io.northflankjob.operator.status.StatusFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatusesTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.250Z");
  private static final Instant LATER = Instant.parse("2024-05-01T12:30:00Z");

  @Test
  void identityFieldsComeFromMetadataAndSettings() {
    NorthflankJobStatus status = JobStatuses.compute(job("example-job", JobType.CRON), settings(),
        cronJob("example-job", null), List.of(), List.of(), NOW);

    assertThat(status.id).isEqualTo("example-job");
    assertThat(status.appId).isEqualTo("/example-user/default-project/example-job");
    assertThat(status.projectId).isEqualTo("default-project");
    assertThat(status.createdAt).isEqualTo("2021-01-20T11:19:53.000Z");
    assertThat(status.cluster.id).isEqualTo("nf-europe-west");
    assertThat(status.cluster.name).isEqualTo("nf-europe-west");
    assertThat(status.cluster.namespace).isEqualTo("default-project");
    assertThat(status.cluster.loadBalancers).containsExactly("lb.example.northflank.com");
    assertThat(status.observedGeneration).isEqualTo(2L);
  }

  @Test
  void cronJobInPlaceIsReadyAndGivesLastScheduleTime() {
    NorthflankJobStatus status = JobStatuses.compute(job("j", JobType.CRON), settings(),
        cronJob("j", "2024-05-01T08:30:00Z"), List.of(), List.of(), NOW);

    assertThat(status.lastScheduleTime).isEqualTo("2024-05-01T08:30:00.000Z");
    assertThat(ready(status)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Scheduled");
      assertThat(c.getMessage()).isEqualTo("CronJob j runs on schedule \"30 8 * * *\"");
      assertThat(c.getObservedGeneration()).isEqualTo(2L);
      assertThat(c.getLastTransitionTime()).isEqualTo("2024-05-01T12:00:00.250Z");
    });
  }

  @Test
  void suspendedCronJobIsReadyWithReasonSuspended() {
    NorthflankJob job = job("j", JobType.CRON);
    job.getSpec().suspended = true;

    NorthflankJobStatus status =
        JobStatuses.compute(job, settings(), cronJob("j", null), List.of(), List.of(), NOW);

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(ready(status).getReason()).isEqualTo("Suspended");
    assertThat(status.lastScheduleTime).isNull();
  }

  @Test
  void cronJobNotObservedYetIsNotReady() {
    NorthflankJobStatus status = JobStatuses.compute(
        job("j", JobType.CRON), settings(), null, List.of(), List.of(), NOW);

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("CronJobMissing");
  }

  @Test
  void manualJobIsReadyAndIgnoresALeftoverCronJob() {
    NorthflankJobStatus status = JobStatuses.compute(job("j", JobType.MANUAL), settings(),
        cronJob("j", "2024-05-01T08:30:00Z"), List.of(), List.of(), NOW);

    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(ready(status).getReason()).isEqualTo("Manual");
    assertThat(status.lastScheduleTime).isNull();
  }

  @Test
  void problemsMakeReadyFalseNamingTheFields() {
    NorthflankJobStatus status = JobStatuses.compute(job("j", JobType.CRON), settings(),
        cronJob("j", null), List.of(),
        List.of("spec.settings.cron.schedule: not a cron expression",
            "spec.billing.deploymentPlan: unknown plan nf-nope"), NOW);

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("InvalidSpec");
    assertThat(ready(status).getMessage()).isEqualTo(
        "spec.settings.cron.schedule: not a cron expression; "
            + "spec.billing.deploymentPlan: unknown plan nf-nope");
  }

  @Test
  void runsGiveActiveRunsAndTheLatestRun() {
    Job oldFailed = k8sJob("j-100", "2024-05-01T08:00:00Z", "2024-05-01T08:00:01Z",
        condition("Failed", "DeadlineExceeded", "2024-05-01T08:10:01Z"));
    Job running = k8sJob("j-200", "2024-05-01T09:00:00Z", "2024-05-01T09:00:02Z");
    Job latestFailed = k8sJob("run-by-hand", "2024-05-01T10:00:00Z", "2024-05-01T10:00:03Z",
        condition("Failed", "BackoffLimitExceeded", "2024-05-01T10:01:00Z"));
    Job pending = k8sJob("j-150", "2024-05-01T08:30:00Z", null);

    NorthflankJobStatus status = JobStatuses.compute(job("j", JobType.CRON), settings(),
        cronJob("j", null), List.of(running, latestFailed, oldFailed, pending), List.of(), NOW);

    assertThat(status.activeRuns).containsExactly("j-150", "j-200");
    assertThat(status.lastRun.runName).isEqualTo("run-by-hand");
    assertThat(status.lastRun.status).isEqualTo(RunStatus.FAILED);
    assertThat(status.lastRun.startedAt).isEqualTo("2024-05-01T10:00:03.000Z");
    assertThat(status.lastRun.concludedAt).isEqualTo("2024-05-01T10:01:00.000Z");
    assertThat(status.lastRun.reason).isEqualTo("BackoffLimitExceeded");
  }

  @Test
  void latestRunStillRunningHasNoEnd() {
    Job running = k8sJob("j-200", "2024-05-01T09:00:00Z", "2024-05-01T09:00:02Z");

    NorthflankJobStatus status = JobStatuses.compute(job("j", JobType.MANUAL), settings(), null,
        List.of(running), List.of(), NOW);

    assertThat(status.lastRun.status).isEqualTo(RunStatus.RUNNING);
    assertThat(status.lastRun.concludedAt).isNull();
    assertThat(status.lastRun.reason).isNull();
  }

  @Test
  void noRunsMeansNoLastRun() {
    NorthflankJobStatus status = JobStatuses.compute(
        job("j", JobType.MANUAL), settings(), null, List.of(), List.of(), NOW);

    assertThat(status.activeRuns).isEmpty();
    assertThat(status.lastRun).isNull();
  }

  @Test
  void readyKeepsItsTransitionTimeUntilItFlips() {
    NorthflankJob job = job("j", JobType.CRON);
    job.setStatus(JobStatuses.compute(job, settings(), cronJob("j", null), List.of(), List.of(), NOW));

    NorthflankJobStatus same = JobStatuses.compute(job, settings(),
        cronJob("j", "2024-05-01T12:29:00Z"), List.of(), List.of(), LATER);
    assertThat(ready(same).getLastTransitionTime()).isEqualTo(IsoTime.format(NOW));

    NorthflankJobStatus flipped = JobStatuses.compute(job, settings(),
        cronJob("j", null), List.of(), List.of("spec.x: bad"), LATER);
    assertThat(ready(flipped).getLastTransitionTime()).isEqualTo(IsoTime.format(LATER));
  }

  @Test
  void computingTwiceFromTheSameObservationGivesTheSameStatus() {
    NorthflankJob job = job("j", JobType.CRON);
    job.setStatus(JobStatuses.compute(job, settings(), cronJob("j", null), List.of(), List.of(), NOW));

    NorthflankJobStatus again =
        JobStatuses.compute(job, settings(), cronJob("j", null), List.of(), List.of(), LATER);

    assertThat(again).usingRecursiveComparison().isEqualTo(job.getStatus());
  }

  @Test
  void failedKeepsWhatWasObservedAndSaysWhy() {
    NorthflankJob job = job("j", JobType.CRON);
    Job running = k8sJob("j-200", "2024-05-01T09:00:00Z", "2024-05-01T09:00:02Z");
    job.setStatus(JobStatuses.compute(job, settings(),
        cronJob("j", "2024-05-01T09:00:00Z"), List.of(running), List.of(), NOW));

    NorthflankJobStatus failed = JobStatuses.failed(job, settings(), "HTTP 500: boom", LATER);

    assertThat(failed.lastScheduleTime).isEqualTo("2024-05-01T09:00:00.000Z");
    assertThat(failed.activeRuns).containsExactly("j-200");
    assertThat(failed.lastRun.runName).isEqualTo("j-200");
    assertThat(failed.appId).isEqualTo("/example-user/default-project/j");
    assertThat(ready(failed).getStatus()).isEqualTo("False");
    assertThat(ready(failed).getReason()).isEqualTo("ReconcileError");
    assertThat(ready(failed).getMessage()).isEqualTo("HTTP 500: boom");
    assertThat(ready(failed).getLastTransitionTime()).isEqualTo(IsoTime.format(LATER));
  }

  private static Condition ready(NorthflankJobStatus status) {
    return Conditions.find(status.conditions, "Ready").orElseThrow();
  }
}
