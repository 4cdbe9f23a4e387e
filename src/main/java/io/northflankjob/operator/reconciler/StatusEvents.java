package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.status.Conditions;
import io.northflankjob.operator.status.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The events a change of status deserves. Events follow transitions of the status, so a steady
 * state records none and the same reason is not repeated while nothing changes.
 */
final class StatusEvents {

  /** Ready=False reasons worth a Warning; the others are passing states. */
  private static final Set<String> WARNINGS =
      Set.of(Reasons.INVALID_SPEC, Reasons.JOB_NOT_FOUND, Reasons.RECONCILE_ERROR);

  private StatusEvents() {}

  static List<EventNote> forJob(NorthflankJobStatus before, NorthflankJobStatus after) {
    List<EventNote> notes = new ArrayList<>();
    readyWarning(before == null ? null : before.conditions, after.conditions).ifPresent(notes::add);
    RunSummary last = after.lastRun;
    RunSummary previous = before == null ? null : before.lastRun;
    if (last != null && (previous == null || !Objects.equals(previous.runName, last.runName)
        || previous.status != last.status)) {
      outcome(last.runName, last.status, last.reason).ifPresent(notes::add);
    }
    return notes;
  }

  static List<EventNote> forRun(NorthflankJobRunStatus before, NorthflankJobRunStatus after) {
    List<EventNote> notes = new ArrayList<>();
    readyWarning(before == null ? null : before.conditions, after.conditions).ifPresent(notes::add);
    if (before == null || before.status != after.status) {
      outcome(after.runName, after.status, after.reason).ifPresent(notes::add);
    }
    return notes;
  }

  private static Optional<EventNote> readyWarning(List<Condition> before, List<Condition> after) {
    Optional<Condition> ready = Conditions.find(after, Conditions.READY)
        .filter(c -> "False".equals(c.getStatus()) && WARNINGS.contains(c.getReason()));
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    Optional<Condition> previous = Conditions.find(before, Conditions.READY);
    boolean same = previous.isPresent()
        && Objects.equals(previous.get().getStatus(), ready.get().getStatus())
        && Objects.equals(previous.get().getReason(), ready.get().getReason())
        && Objects.equals(previous.get().getMessage(), ready.get().getMessage());
    return same
        ? Optional.empty()
        : Optional.of(EventNote.warning(ready.get().getReason(), ready.get().getMessage()));
  }

  private static Optional<EventNote> outcome(String runName, RunStatus status, String reason) {
    if (status == RunStatus.SUCCESS) {
      return Optional.of(EventNote.normal(Reasons.RUN_SUCCEEDED, "Run " + runName + " succeeded"));
    }
    if (status == RunStatus.FAILED) {
      return Optional.of(EventNote.warning(Reasons.RUN_FAILED,
          "Run " + runName + " failed" + (reason == null ? "" : ": " + reason)));
    }
    return Optional.empty();
  }
}
