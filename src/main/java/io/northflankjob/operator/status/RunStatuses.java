package io.northflankjob.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The status of a NorthflankJobRun, in the shape of Northflank's run object, from its Job. */
public final class RunStatuses {

  // What the API server fills in when a Job leaves them out.
  private static final int DEFAULT_BACKOFF_LIMIT = 6;
  private static final int DEFAULT_COMPLETIONS = 1;

  private RunStatuses() {}

  /**
   * The status of {@code run} as observed now.
   *
   * @param jobFound whether the NorthflankJob the run names exists
   * @param problems what validation found wrong with the run, each naming its field
   * @param job the run's Job, or {@code null} when there is none
   */
  public static NorthflankJobRunStatus compute(
      NorthflankJobRun run, boolean jobFound, List<String> problems, Job job, Instant now) {
    NorthflankJobRunStatus status = new NorthflankJobRunStatus();
    status.id = run.getMetadata().getUid();
    status.observedGeneration = run.getMetadata().getGeneration();
    NorthflankJobRunStatus previous = run.getStatus();
    boolean started = job != null || (previous != null && previous.runName != null);
    if (job != null) {
      observe(status, job);
    } else if (started) {
      copyRun(previous, status);
      if (!Boolean.TRUE.equals(previous.concluded)) {
        conclude(status, RunStatus.FAILED, Reasons.JOB_DELETED, now);
      }
    }
    Condition ready;
    if (started) {
      ready = ready(run, true, Reasons.STARTED, "Job " + status.runName + " carries the run", now);
    } else if (!jobFound) {
      ready = ready(run, false, Reasons.JOB_NOT_FOUND, "NorthflankJob " + run.getSpec().jobName
          + " not found in namespace " + run.getMetadata().getNamespace(), now);
    } else if (!problems.isEmpty()) {
      ready = ready(run, false, Reasons.INVALID_SPEC, String.join("; ", problems), now);
    } else {
      ready = ready(run, false, Reasons.STARTING,
          "Creating Job " + run.getMetadata().getName(), now);
    }
    status.conditions = Conditions.put(previousConditions(run), ready);
    return status;
  }

  /**
   * The status after a reconcile failed: what was observed of the run is kept, Ready is False
   * with reason ReconcileError and the error's message.
   */
  public static NorthflankJobRunStatus failed(NorthflankJobRun run, String message, Instant now) {
    NorthflankJobRunStatus status = new NorthflankJobRunStatus();
    status.id = run.getMetadata().getUid();
    status.observedGeneration = run.getMetadata().getGeneration();
    if (run.getStatus() != null) {
      copyRun(run.getStatus(), status);
    }
    status.conditions = Conditions.put(previousConditions(run),
        ready(run, false, Reasons.RECONCILE_ERROR, message, now));
    return status;
  }

  private static void observe(NorthflankJobRunStatus status, Job job) {
    ObservedRun run = ObservedRun.of(job);
    status.runName = run.name();
    status.startedAt = IsoTime.format(run.startedAt());
    status.backoffLimit = Objects.requireNonNullElse(
        job.getSpec() == null ? null : job.getSpec().getBackoffLimit(), DEFAULT_BACKOFF_LIMIT);
    status.completions = Objects.requireNonNullElse(
        job.getSpec() == null ? null : job.getSpec().getCompletions(), DEFAULT_COMPLETIONS);
    setOutcome(status, run.status());
    status.concludedAt = IsoTime.format(run.concludedAt());
    status.reason = run.reason();
  }

  private static void conclude(
      NorthflankJobRunStatus status, RunStatus outcome, String reason, Instant now) {
    setOutcome(status, outcome);
    status.concludedAt = IsoTime.format(now);
    status.reason = reason;
  }

  private static void setOutcome(NorthflankJobRunStatus status, RunStatus outcome) {
    status.status = outcome;
    status.concluded = outcome != RunStatus.RUNNING;
    status.active = outcome == RunStatus.RUNNING ? 1 : 0;
    status.succeeded = outcome == RunStatus.SUCCESS ? 1 : 0;
    status.failed = outcome == RunStatus.FAILED ? 1 : 0;
  }

  private static void copyRun(NorthflankJobRunStatus from, NorthflankJobRunStatus to) {
    to.runName = from.runName;
    to.status = from.status;
    to.concluded = from.concluded;
    to.active = from.active;
    to.succeeded = from.succeeded;
    to.failed = from.failed;
    to.backoffLimit = from.backoffLimit;
    to.completions = from.completions;
    to.startedAt = from.startedAt;
    to.concludedAt = from.concludedAt;
    to.reason = from.reason;
  }

  private static Condition ready(
      NorthflankJobRun run, boolean ready, String reason, String message, Instant now) {
    return Conditions.of(Conditions.READY, ready, reason, message,
        run.getMetadata().getGeneration(), now);
  }

  private static List<Condition> previousConditions(NorthflankJobRun run) {
    return run.getStatus() == null ? List.of() : run.getStatus().conditions;
  }
}
