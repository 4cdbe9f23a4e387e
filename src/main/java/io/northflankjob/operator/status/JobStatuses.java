package io.northflankjob.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.ClusterInfo;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.config.OperatorSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The status of a NorthflankJob, from what the operator observed of its CronJob and Jobs. */
public final class JobStatuses {

  private JobStatuses() {}

  /**
   * The status of {@code job} as observed now.
   *
   * @param cronJob the job's CronJob, or {@code null} when there is none
   * @param runs every Job of the job, scheduled or started by hand
   * @param problems what validation found wrong with the spec, each naming its field; any problem
   *     makes Ready False with reason InvalidSpec
   */
  public static NorthflankJobStatus compute(
      NorthflankJob job,
      OperatorSettings settings,
      CronJob cronJob,
      Collection<Job> runs,
      List<String> problems,
      Instant now) {
    boolean cron = job.getSpec().jobType == JobType.CRON;
    NorthflankJobStatus status = identity(job, settings);
    if (cron && cronJob != null && cronJob.getStatus() != null) {
      status.lastScheduleTime = IsoTime.fromKubernetes(cronJob.getStatus().getLastScheduleTime());
    }
    List<ObservedRun> observed =
        runs.stream().map(ObservedRun::of).sorted(ObservedRun.BY_START).toList();
    status.activeRuns = new ArrayList<>(
        observed.stream().filter(run -> !run.concluded()).map(ObservedRun::name).toList());
    status.lastRun = observed.isEmpty() ? null : summary(observed.get(observed.size() - 1));
    Ready ready = problems.isEmpty()
        ? readyWhenValid(job, cron ? cronJob : null)
        : new Ready(false, Reasons.INVALID_SPEC, String.join("; ", problems));
    status.conditions = Conditions.put(previousConditions(job), ready(job, ready, now));
    return status;
  }

  /**
   * The status after a reconcile failed: what was observed before is kept, Ready is False with
   * reason ReconcileError and the error's message.
   */
  public static NorthflankJobStatus failed(
      NorthflankJob job, OperatorSettings settings, String message, Instant now) {
    NorthflankJobStatus status = identity(job, settings);
    NorthflankJobStatus previous = job.getStatus();
    if (previous != null) {
      status.lastScheduleTime = previous.lastScheduleTime;
      status.activeRuns = previous.activeRuns;
      status.lastRun = previous.lastRun;
    }
    status.conditions = Conditions.put(previousConditions(job),
        ready(job, new Ready(false, Reasons.RECONCILE_ERROR, message), now));
    return status;
  }

  private record Ready(boolean ready, String reason, String message) {}

  private static Ready readyWhenValid(NorthflankJob job, CronJob cronJob) {
    String name = job.getMetadata().getName();
    if (job.getSpec().jobType != JobType.CRON) {
      return new Ready(true, Reasons.MANUAL, "Runs start when a NorthflankJobRun names this job");
    }
    if (cronJob == null) {
      return new Ready(false, Reasons.CRON_JOB_MISSING, "CronJob " + name + " does not exist yet");
    }
    if (Boolean.TRUE.equals(job.getSpec().suspended)) {
      return new Ready(true, Reasons.SUSPENDED, "CronJob " + name + " is suspended");
    }
    return new Ready(true, Reasons.SCHEDULED,
        "CronJob " + name + " runs on schedule \"" + job.getSpec().settings.cron.schedule + "\"");
  }

  private static Condition ready(NorthflankJob job, Ready ready, Instant now) {
    return Conditions.of(Conditions.READY, ready.ready(), ready.reason(), ready.message(),
        job.getMetadata().getGeneration(), now);
  }

  /** The fields Northflank's GET returns beyond the spec: who the job is and where it runs. */
  private static NorthflankJobStatus identity(NorthflankJob job, OperatorSettings settings) {
    ObjectMeta meta = job.getMetadata();
    NorthflankJobStatus status = new NorthflankJobStatus();
    status.id = meta.getName();
    status.projectId = meta.getNamespace();
    status.appId = "/" + settings.team() + "/" + meta.getNamespace() + "/" + meta.getName();
    status.createdAt = IsoTime.fromKubernetes(meta.getCreationTimestamp());
    status.cluster = new ClusterInfo();
    status.cluster.id = settings.clusterId();
    status.cluster.name = settings.clusterName();
    status.cluster.namespace = meta.getNamespace();
    status.cluster.loadBalancers = new ArrayList<>(settings.loadBalancers());
    status.observedGeneration = meta.getGeneration();
    return status;
  }

  private static List<Condition> previousConditions(NorthflankJob job) {
    return job.getStatus() == null ? List.of() : job.getStatus().conditions;
  }

  private static RunSummary summary(ObservedRun run) {
    RunSummary summary = new RunSummary();
    summary.runName = run.name();
    summary.status = run.status();
    summary.startedAt = IsoTime.format(run.startedAt());
    summary.concludedAt = IsoTime.format(run.concludedAt());
    summary.reason = run.reason();
    return summary;
  }
}
