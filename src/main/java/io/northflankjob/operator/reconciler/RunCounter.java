package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.desired.JobLabels;
import io.northflankjob.operator.ops.RunMetrics;
import io.northflankjob.operator.status.IsoTime;
import io.northflankjob.operator.status.ObservedRun;
import java.util.Collection;
import java.util.Set;

/**
 * Counts runs in {@link RunMetrics} from what the statuses the reconcilers write have not recorded
 * yet, as {@link StatusEvents} records events: a run is counted once however often it is
 * reconciled, and not again after a restart, since the status it is compared with is stored with
 * the object. Call it only after that status is written, so a failed write counts nothing and the
 * retry counts the run.
 *
 * <p>Each run has one owner, so the run of a cron job started by hand, which both reconcilers see,
 * is counted once:
 *
 * <ul>
 *   <li>a run started by hand, whose Job carries {@value JobLabels#RUN}, is counted by the
 *       NorthflankJobRun reconciler from the run's status ({@link #handRun});
 *   <li>a run its CronJob started (any other Job of the job) is counted by the NorthflankJob
 *       reconciler from the job's Jobs against the job's previous status ({@link #scheduledRuns}).
 * </ul>
 *
 * <p>A scheduled run whose Job is deleted before it concludes (concurrencyPolicy Replace stops it;
 * turning the job manual deletes its CronJob and Jobs) counts as started only: Kubernetes gives it
 * no outcome. A run started by hand concludes FAILED then, as its status says.
 */
final class RunCounter {

  private final RunMetrics metrics;

  RunCounter(RunMetrics metrics) {
    this.metrics = metrics;
  }

  /** Counts what changed from {@code before} to {@code after}, the statuses of a run by hand. */
  void handRun(String namespace, NorthflankJobRunStatus before, NorthflankJobRunStatus after) {
    RunStatus was = before == null ? null : before.status;
    RunStatus now = after.status;
    if (now == null || now == was) {
      return;
    }
    if (was == null) {
      metrics.started(namespace);
    }
    outcome(namespace, now);
  }

  /**
   * Counts the scheduled runs among {@code jobs}, every Job of a NorthflankJob, that {@code before},
   * the job's status before this reconcile, has not recorded: a Job that runs and was not running
   * then is new; a concluded Job that neither was running then nor started after the last run then
   * recorded has been counted already.
   */
  void scheduledRuns(String namespace, NorthflankJobStatus before, Collection<Job> jobs) {
    Set<String> wasRunning = before == null || before.activeRuns == null
        ? Set.of()
        : Set.copyOf(before.activeRuns);
    RunSummary last = before == null ? null : before.lastRun;
    for (Job job : jobs) {
      if (startedByHand(job)) {
        continue;
      }
      ObservedRun run = ObservedRun.of(job);
      boolean running = wasRunning.contains(run.name());
      // Every running Job is recorded as active, so one that runs and is not recorded is new
      // whatever its start says; only a concluded one needs the comparison with the last run.
      boolean isNew = !running && (!run.concluded() || !atOrBefore(run, last));
      if (isNew) {
        metrics.started(namespace);
      }
      if (run.concluded() && (isNew || running)) {
        outcome(namespace, run.status());
      }
    }
  }

  private static boolean startedByHand(Job job) {
    return job.getMetadata().getLabels() != null
        && job.getMetadata().getLabels().containsKey(JobLabels.RUN);
  }

  /** Whether {@code run} is the recorded last run or started before it. */
  private static boolean atOrBefore(ObservedRun run, RunSummary last) {
    if (last == null) {
      return false;
    }
    if (run.name().equals(last.runName)) {
      return true;
    }
    ObservedRun recorded = new ObservedRun(last.runName, last.status,
        last.startedAt == null ? null : IsoTime.parse(last.startedAt), null, null);
    return ObservedRun.BY_START.compare(run, recorded) < 0;
  }

  private void outcome(String namespace, RunStatus status) {
    if (status == RunStatus.SUCCESS) {
      metrics.succeeded(namespace);
    } else if (status == RunStatus.FAILED) {
      metrics.failed(namespace);
    }
  }
}
