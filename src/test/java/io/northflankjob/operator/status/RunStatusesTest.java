package io.northflankjob.operator.status;

import static io.northflankjob.operator.status.StatusFixtures.condition;
import static io.northflankjob.operator.status.StatusFixtures.k8sJob;
import static io.northflankjob.operator.status.StatusFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatusesTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Instant LATER = Instant.parse("2024-05-01T12:30:00Z");

  @Test
  void runningJobGivesEveryRunField() {
    NorthflankJobRun run = run("run-1", "j");
    Job job = k8sJob("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z");

    NorthflankJobRunStatus status = RunStatuses.compute(run, true, List.of(), job, NOW);

    assertThat(status.id).isEqualTo("uid-run-1");
    assertThat(status.runName).isEqualTo("run-1");
    assertThat(status.status).isEqualTo(RunStatus.RUNNING);
    assertThat(status.concluded).isFalse();
    assertThat(status.active).isEqualTo(1);
    assertThat(status.succeeded).isZero();
    assertThat(status.failed).isZero();
    assertThat(status.backoffLimit).isEqualTo(2);
    assertThat(status.completions).isEqualTo(1);
    assertThat(status.startedAt).isEqualTo("2024-05-01T10:00:01.000Z");
    assertThat(status.concludedAt).isNull();
    assertThat(status.reason).isNull();
    assertThat(status.observedGeneration).isEqualTo(1L);
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(ready(status).getReason()).isEqualTo("Started");
  }

  @Test
  void succeededJob() {
    Job job = k8sJob("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z",
        condition("Complete", null, "2024-05-01T10:05:00Z"));

    NorthflankJobRunStatus status = RunStatuses.compute(run("run-1", "j"), true, List.of(), job, NOW);

    assertThat(status.status).isEqualTo(RunStatus.SUCCESS);
    assertThat(status.concluded).isTrue();
    assertThat(List.of(status.active, status.succeeded, status.failed)).containsExactly(0, 1, 0);
    assertThat(status.concludedAt).isEqualTo("2024-05-01T10:05:00.000Z");
  }

  @Test
  void failedJob() {
    Job job = k8sJob("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z",
        condition("Failed", "DeadlineExceeded", "2024-05-01T10:10:01Z"));

    NorthflankJobRunStatus status = RunStatuses.compute(run("run-1", "j"), true, List.of(), job, NOW);

    assertThat(status.status).isEqualTo(RunStatus.FAILED);
    assertThat(List.of(status.active, status.succeeded, status.failed)).containsExactly(0, 0, 1);
    assertThat(status.reason).isEqualTo("DeadlineExceeded");
    assertThat(status.concludedAt).isEqualTo("2024-05-01T10:10:01.000Z");
  }

  @Test
  void jobSpecDefaultsApplyWhenLeftOut() {
    Job job = k8sJob("run-1", "2024-05-01T10:00:00Z", null);
    job.getSpec().setBackoffLimit(null);
    job.getSpec().setCompletions(null);

    NorthflankJobRunStatus status = RunStatuses.compute(run("run-1", "j"), true, List.of(), job, NOW);

    assertThat(status.backoffLimit).isEqualTo(6);
    assertThat(status.completions).isEqualTo(1);
  }

  @Test
  void missingJobIsNotReady() {
    NorthflankJobRunStatus status = RunStatuses.compute(run("run-1", "nope"), false, List.of(), null, NOW);

    assertThat(status.runName).isNull();
    assertThat(status.status).isNull();
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("JobNotFound");
    assertThat(ready(status).getMessage())
        .isEqualTo("NorthflankJob nope not found in namespace default-project");
  }

  @Test
  void problemsBeforeTheStartAreInvalidSpec() {
    NorthflankJobRunStatus status = RunStatuses.compute(run("run-1", "j"), true,
        List.of("spec.billing.deploymentPlan: unknown plan nf-nope"), null, NOW);

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("InvalidSpec");
    assertThat(ready(status).getMessage()).isEqualTo("spec.billing.deploymentPlan: unknown plan nf-nope");
  }

  @Test
  void validRunWithoutJobYetIsStarting() {
    NorthflankJobRunStatus status = RunStatuses.compute(run("run-1", "j"), true, List.of(), null, NOW);

    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(ready(status).getReason()).isEqualTo("Starting");
  }

  @Test
  void concludedRunKeepsItsOutcomeWhenItsJobIsGone() {
    NorthflankJobRun run = run("run-1", "j");
    Job job = k8sJob("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z",
        condition("Complete", null, "2024-05-01T10:05:00Z"));
    run.setStatus(RunStatuses.compute(run, true, List.of(), job, NOW));

    NorthflankJobRunStatus afterCleanup = RunStatuses.compute(run, true, List.of(), null, LATER);

    assertThat(afterCleanup).usingRecursiveComparison().isEqualTo(run.getStatus());
  }

  @Test
  void runningRunWhoseJobIsDeletedFailsAndIsNotStartedAgain() {
    NorthflankJobRun run = run("run-1", "j");
    run.setStatus(RunStatuses.compute(run, true, List.of(),
        k8sJob("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z"), NOW));

    NorthflankJobRunStatus status = RunStatuses.compute(run, true, List.of(), null, LATER);

    assertThat(status.runName).isEqualTo("run-1");
    assertThat(status.status).isEqualTo(RunStatus.FAILED);
    assertThat(status.concluded).isTrue();
    assertThat(List.of(status.active, status.succeeded, status.failed)).containsExactly(0, 0, 1);
    assertThat(status.reason).isEqualTo("JobDeleted");
    assertThat(status.concludedAt).isEqualTo("2024-05-01T12:30:00.000Z");
    assertThat(status.startedAt).isEqualTo("2024-05-01T10:00:01.000Z");
    assertThat(ready(status).getReason()).isEqualTo("Started");
  }

  @Test
  void readyKeepsItsTransitionTimeUntilItFlips() {
    NorthflankJobRun run = run("run-1", "j");
    run.setStatus(RunStatuses.compute(run, false, List.of(), null, NOW));

    assertThat(ready(RunStatuses.compute(run, false, List.of(), null, LATER))
        .getLastTransitionTime()).isEqualTo(IsoTime.format(NOW));
    assertThat(ready(RunStatuses.compute(run, true, List.of(),
        k8sJob("run-1", "2024-05-01T12:00:00Z", null), LATER))
        .getLastTransitionTime()).isEqualTo(IsoTime.format(LATER));
  }

  @Test
  void failedKeepsTheRunAndSaysWhy() {
    NorthflankJobRun run = run("run-1", "j");
    run.setStatus(RunStatuses.compute(run, true, List.of(),
        k8sJob("run-1", "2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z"), NOW));

    NorthflankJobRunStatus failed = RunStatuses.failed(run, "HTTP 500", LATER);

    assertThat(failed.runName).isEqualTo("run-1");
    assertThat(failed.status).isEqualTo(RunStatus.RUNNING);
    assertThat(ready(failed).getStatus()).isEqualTo("False");
    assertThat(ready(failed).getReason()).isEqualTo("ReconcileError");
    assertThat(ready(failed).getMessage()).isEqualTo("HTTP 500");
  }

  private static Condition ready(NorthflankJobRunStatus status) {
    return Conditions.find(status.conditions, "Ready").orElseThrow();
  }
}
