package io.northflankjob.operator.status;

import static io.northflankjob.operator.status.StatusFixtures.condition;
import static io.northflankjob.operator.status.StatusFixtures.k8sJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ObservedRunTest {

  private static final String CREATED = "2024-05-01T10:00:00Z";
  private static final String STARTED = "2024-05-01T10:00:01Z";
  private static final String ENDED = "2024-05-01T10:02:00Z";

  @Test
  void aJobWithoutOutcomeIsRunning() {
    ObservedRun run = ObservedRun.of(k8sJob("r", CREATED, STARTED));

    assertThat(run).isEqualTo(
        new ObservedRun("r", RunStatus.RUNNING, Instant.parse(STARTED), null, null));
    assertThat(run.concluded()).isFalse();
  }

  @Test
  void aJobNotYetStartedCountsFromItsCreation() {
    assertThat(ObservedRun.of(k8sJob("r", CREATED, null)).startedAt())
        .isEqualTo(Instant.parse(CREATED));
  }

  @Test
  void completeIsSuccessConcludedAtCompletionTime() {
    Job job = k8sJob("r", CREATED, STARTED, condition("Complete", null, "2024-05-01T10:09:00Z"));
    job.getStatus().setCompletionTime(ENDED);

    ObservedRun run = ObservedRun.of(job);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.concludedAt()).isEqualTo(Instant.parse(ENDED));
    assertThat(run.reason()).isNull();
    assertThat(run.concluded()).isTrue();
  }

  @Test
  void successCriteriaMetIsSuccessBeforeComplete() {
    ObservedRun run = ObservedRun.of(
        k8sJob("r", CREATED, STARTED, condition("SuccessCriteriaMet", "CompletionsReached", ENDED)));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.concludedAt()).isEqualTo(Instant.parse(ENDED));
    assertThat(run.reason()).isNull();
  }

  @Test
  void failedCarriesKubernetesReason() {
    ObservedRun run = ObservedRun.of(
        k8sJob("r", CREATED, STARTED, condition("Failed", "BackoffLimitExceeded", ENDED)));

    assertThat(run).isEqualTo(new ObservedRun(
        "r", RunStatus.FAILED, Instant.parse(STARTED), Instant.parse(ENDED), "BackoffLimitExceeded"));
  }

  @Test
  void failureTargetIsFailureBeforeFailed() {
    ObservedRun run = ObservedRun.of(
        k8sJob("r", CREATED, STARTED, condition("FailureTarget", "DeadlineExceeded", ENDED)));

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.reason()).isEqualTo("DeadlineExceeded");
    assertThat(run.concludedAt()).isEqualTo(Instant.parse(ENDED));
  }

  @Test
  void conditionsThatAreNotTrueDecideNothing() {
    Job job = k8sJob("r", CREATED, STARTED,
        new JobConditionBuilder().withType("Failed").withStatus("False").build(),
        new JobConditionBuilder().withType("Suspended").withStatus("True").build());

    assertThat(ObservedRun.of(job).status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void aJobWithoutStatusIsRunning() {
    Job job = k8sJob("r", CREATED, null);
    job.setStatus(null);

    assertThat(ObservedRun.of(job).status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void ordersByStartThenName() {
    ObservedRun early = new ObservedRun("z", RunStatus.SUCCESS, Instant.parse(CREATED), null, null);
    ObservedRun lateA = new ObservedRun("a", RunStatus.RUNNING, Instant.parse(STARTED), null, null);
    ObservedRun lateB = new ObservedRun("b", RunStatus.RUNNING, Instant.parse(STARTED), null, null);

    List<ObservedRun> sorted = Stream.of(lateB, early, lateA).sorted(ObservedRun.BY_START).toList();

    assertThat(sorted).containsExactly(early, lateA, lateB);
  }
}
