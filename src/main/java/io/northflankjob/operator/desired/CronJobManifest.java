package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.Settings.Cron;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.Map;

/** The CronJob that runs a cron NorthflankJob: same name and namespace, owned by the job. */
public final class CronJobManifest {

  /** Kubernetes refuses longer CronJob names: it appends an 11-character suffix to name each Job. */
  public static final int MAX_NAME_LENGTH = 52;
  /** The Kubernetes defaults, stated so that the applied object says what it does. */
  public static final int SUCCESSFUL_JOBS_HISTORY_LIMIT = 3;
  public static final int FAILED_JOBS_HISTORY_LIMIT = 1;
  /**
   * Northflank schedules have no time zone; without one, Kubernetes would read them in the
   * kube-controller-manager's local zone.
   */
  public static final String TIME_ZONE = "Etc/UTC";

  private CronJobManifest() {}

  /**
   * @throws IllegalArgumentException if the job is not a cron job with a schedule, or its spec
   *     cannot run (no image, unknown plan, malformed command); validation reports those first
   */
  public static CronJob of(NorthflankJob job, OperatorSettings settings) {
    NorthflankJobSpec spec = Workload.specOf(job);
    String name = job.getMetadata().getName();
    if (spec.jobType != JobType.CRON) {
      throw new IllegalArgumentException(
          Workload.field(job, "spec.jobType") + " is " + spec.jobType + "; only a cron job has a CronJob");
    }
    Cron cron = spec.settings == null ? null : spec.settings.cron;
    if (cron == null || cron.schedule == null) {
      throw new IllegalArgumentException(
          Workload.field(job, "spec.settings.cron.schedule") + " is required for a cron job");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(Workload.field(job, "metadata.name")
          + " is longer than the " + MAX_NAME_LENGTH + " characters a CronJob name may have");
    }
    Workload workload = Workload.of(job);
    Map<String, String> labels = JobLabels.of(job);
    Map<String, String> annotations = JobLabels.annotations(job);
    Cron.ConcurrencyPolicy policy =
        cron.concurrencyPolicy == null ? Cron.ConcurrencyPolicy.Allow : cron.concurrencyPolicy;

    return new CronJobBuilder()
        .withMetadata(ManagedMetadata.of(name, job, labels, annotations))
        .withNewSpec()
            .withSchedule(cron.schedule)
            .withTimeZone(TIME_ZONE)
            .withConcurrencyPolicy(policy.name())
            .withSuspend(Boolean.TRUE.equals(spec.suspended))
            .withSuccessfulJobsHistoryLimit(SUCCESSFUL_JOBS_HISTORY_LIMIT)
            .withFailedJobsHistoryLimit(FAILED_JOBS_HISTORY_LIMIT)
            .withNewJobTemplate()
                .withNewMetadata()
                    .withLabels(labels)
                    .withAnnotations(annotations)
                .endMetadata()
                .withSpec(JobTemplate.spec(job, workload, settings, labels, annotations))
            .endJobTemplate()
        .endSpec()
        .build();
  }
}
