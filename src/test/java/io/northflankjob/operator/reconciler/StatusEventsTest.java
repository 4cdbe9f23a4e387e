package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.status.Conditions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusEventsTest {

  private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void aProblemIsAWarningOnceUntilItChanges() {
    NorthflankJobStatus fine = jobStatus(true, "Scheduled", "ok", null);
    NorthflankJobStatus broken = jobStatus(false, "InvalidSpec", "spec.x: bad", null);
    NorthflankJobStatus brokenOtherwise = jobStatus(false, "InvalidSpec", "spec.y: bad", null);

    assertThat(StatusEvents.forJob(fine, broken))
        .containsExactly(EventNote.warning("InvalidSpec", "spec.x: bad"));
    assertThat(StatusEvents.forJob(broken, broken)).isEmpty();
    assertThat(StatusEvents.forJob(broken, brokenOtherwise))
        .containsExactly(EventNote.warning("InvalidSpec", "spec.y: bad"));
    assertThat(StatusEvents.forJob(null, broken)).hasSize(1);
  }

  @Test
  void passingStatesAreNoWarnings() {
    assertThat(StatusEvents.forJob(null, jobStatus(false, "CronJobMissing", "m", null))).isEmpty();
    assertThat(StatusEvents.forJob(null, jobStatus(true, "Scheduled", "m", null))).isEmpty();
  }

  @Test
  void aConcludedLastRunIsAnnouncedOnce() {
    NorthflankJobStatus running = jobStatus(true, "Scheduled", "m", summary("j-1", RunStatus.RUNNING, null));
    NorthflankJobStatus failed =
        jobStatus(true, "Scheduled", "m", summary("j-1", RunStatus.FAILED, "DeadlineExceeded"));
    NorthflankJobStatus nextSucceeded =
        jobStatus(true, "Scheduled", "m", summary("j-2", RunStatus.SUCCESS, null));

    assertThat(StatusEvents.forJob(null, running)).isEmpty();
    assertThat(StatusEvents.forJob(running, failed))
        .containsExactly(EventNote.warning("RunFailed", "Run j-1 failed: DeadlineExceeded"));
    assertThat(StatusEvents.forJob(failed, failed)).isEmpty();
    assertThat(StatusEvents.forJob(failed, nextSucceeded))
        .containsExactly(EventNote.normal("RunSucceeded", "Run j-2 succeeded"));
  }

  @Test
  void aRunIsAnnouncedWhenItConcludes() {
    NorthflankJobRunStatus running = runStatus(RunStatus.RUNNING);
    NorthflankJobRunStatus succeeded = runStatus(RunStatus.SUCCESS);

    assertThat(StatusEvents.forRun(null, running)).isEmpty();
    assertThat(StatusEvents.forRun(running, succeeded))
        .containsExactly(EventNote.normal("RunSucceeded", "Run r-1 succeeded"));
    assertThat(StatusEvents.forRun(succeeded, succeeded)).isEmpty();
  }

  private static NorthflankJobStatus jobStatus(
      boolean ready, String reason, String message, RunSummary lastRun) {
    NorthflankJobStatus status = new NorthflankJobStatus();
    status.conditions = List.of(Conditions.of("Ready", ready, reason, message, 1L, T));
    status.lastRun = lastRun;
    return status;
  }

  private static RunSummary summary(String name, RunStatus status, String reason) {
    RunSummary summary = new RunSummary();
    summary.runName = name;
    summary.status = status;
    summary.reason = reason;
    return summary;
  }

  private static NorthflankJobRunStatus runStatus(RunStatus outcome) {
    NorthflankJobRunStatus status = new NorthflankJobRunStatus();
    status.runName = "r-1";
    status.status = outcome;
    status.conditions = List.of(Conditions.of("Ready", true, "Started", "m", 1L, T));
    return status;
  }
}
