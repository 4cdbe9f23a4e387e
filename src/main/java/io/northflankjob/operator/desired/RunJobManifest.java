package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.Map;

/**
 * The Job of one NorthflankJobRun, of a manual job or a one-off run of a cron job: named as the
 * run, owned by it, with the run's overrides applied.
 */
public final class RunJobManifest {

  /** Kubernetes labels each Job's pods with the Job's name, so the name must fit a label value. */
  public static final int MAX_NAME_LENGTH = 63;

  private RunJobManifest() {}

  /**
   * @throws IllegalArgumentException if the run is not of this job, or the job with the run's
   *     overrides cannot run (no image, unknown plan, malformed command)
   */
  public static Job of(NorthflankJob job, NorthflankJobRun run, OperatorSettings settings) {
    if (run == null) {
      throw new IllegalArgumentException("a NorthflankJobRun is required");
    }
    Workload workload = Workload.of(job, run);
    String jobName = job.getMetadata().getName();
    String runName = run.getMetadata().getName();
    if (!jobName.equals(run.getSpec().jobName)) {
      throw new IllegalArgumentException(Workload.field(run, "spec.jobName")
          + " is '" + run.getSpec().jobName + "', not '" + jobName + "'");
    }
    if (runName.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(Workload.field(run, "metadata.name")
          + " is longer than the " + MAX_NAME_LENGTH + " characters a Job name may have");
    }
    Map<String, String> labels = JobLabels.of(job, run);
    Map<String, String> annotations = JobLabels.annotations(job);

    return new JobBuilder()
        .withMetadata(ManagedMetadata.of(runName, run, labels, annotations))
        .withSpec(JobTemplate.spec(job, workload, settings, labels, annotations))
        .build();
  }
}
