package io.northflankjob.operator.status;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one Kubernetes Job says about the run it carries, whether a CronJob or a NorthflankJobRun
 * made it.
 *
 * @param name the Job's name, which is the run's name
 * @param status RUNNING until the Job has a success or failure condition
 * @param startedAt the Job's start time, or its creation time while the Job controller has not
 *     started it
 * @param concludedAt when the Job succeeded or failed; {@code null} while it runs
 * @param reason the reason of the failure condition (e.g. BackoffLimitExceeded, DeadlineExceeded)
 */
public record ObservedRun(
    String name, RunStatus status, Instant startedAt, Instant concludedAt, String reason) {

  /** Orders runs by start, then name, so the last of a list is the latest run. */
  public static final Comparator<ObservedRun> BY_START =
      Comparator.comparing(ObservedRun::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ObservedRun::name);

  // Kubernetes 1.31+ sets SuccessCriteriaMet / FailureTarget first, then Complete / Failed once
  // the pods are gone; either one decides the run's outcome.
  private static final List<String> SUCCESS = List.of("Complete", "SuccessCriteriaMet");
  private static final List<String> FAILURE = List.of("Failed", "FailureTarget");

  public static ObservedRun of(Job job) {
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    Instant startedAt = instant(status.getStartTime())
        .or(() -> instant(job.getMetadata().getCreationTimestamp()))
        .orElse(null);
    Optional<JobCondition> failure = trueCondition(status, FAILURE);
    if (failure.isPresent()) {
      return new ObservedRun(job.getMetadata().getName(), RunStatus.FAILED, startedAt,
          instant(failure.get().getLastTransitionTime()).orElse(null), failure.get().getReason());
    }
    Optional<JobCondition> success = trueCondition(status, SUCCESS);
    if (success.isPresent()) {
      Instant concludedAt = instant(status.getCompletionTime())
          .or(() -> instant(success.get().getLastTransitionTime()))
          .orElse(null);
      return new ObservedRun(
          job.getMetadata().getName(), RunStatus.SUCCESS, startedAt, concludedAt, null);
    }
    return new ObservedRun(job.getMetadata().getName(), RunStatus.RUNNING, startedAt, null, null);
  }

  public boolean concluded() {
    return status != RunStatus.RUNNING;
  }

  private static Optional<JobCondition> trueCondition(JobStatus status, List<String> types) {
    if (status.getConditions() == null) {
      return Optional.empty();
    }
    // Walk the types in order of preference, so a final condition wins over a target one.
    return types.stream()
        .flatMap(type -> status.getConditions().stream()
            .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())))
        .findFirst();
  }

  private static Optional<Instant> instant(String timestamp) {
    return Optional.ofNullable(timestamp).map(IsoTime::parse);
  }
}
