package io.northflankjob.operator.e2e;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.desired.JobLabels;
import io.northflankjob.operator.status.Conditions;
import java.util.List;
import java.util.Optional;

/** What a test reads and writes in its namespace, by the names and labels the operator uses. */
record Namespace(KubernetesClient client, String name) {

  <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).inNamespace(name).create();
  }

  /** The NorthflankJob, or {@code null} when it does not exist. */
  NorthflankJob job(String jobName) {
    return client.resources(NorthflankJob.class).inNamespace(name).withName(jobName).get();
  }

  /** The NorthflankJobRun, or {@code null} when it does not exist. */
  NorthflankJobRun run(String runName) {
    return client.resources(NorthflankJobRun.class).inNamespace(name).withName(runName).get();
  }

  Optional<CronJob> cronJob(String jobName) {
    return Optional.ofNullable(client.batch().v1().cronjobs().inNamespace(name).withName(jobName).get());
  }

  /** Every Kubernetes Job of the NorthflankJob, scheduled or started by a run. */
  List<Job> jobsOf(String jobName) {
    return client.batch().v1().jobs().inNamespace(name)
        .withLabel(JobLabels.JOB, JobLabels.jobSelectorValue(jobName)).list().getItems();
  }

  /** Every pod of the NorthflankJob. */
  List<Pod> podsOf(String jobName) {
    return client.pods().inNamespace(name)
        .withLabel(JobLabels.JOB, JobLabels.jobSelectorValue(jobName)).list().getItems();
  }

  /** The Jobs that carry the NorthflankJobRun: exactly one once it started. */
  List<Job> jobsOfRun(String runName) {
    return client.batch().v1().jobs().inNamespace(name)
        .withLabel(JobLabels.RUN, JobLabels.runSelectorValue(runName)).list().getItems();
  }

  List<Pod> podsOfRun(String runName) {
    return client.pods().inNamespace(name)
        .withLabel(JobLabels.RUN, JobLabels.runSelectorValue(runName)).list().getItems();
  }

  /** The events recorded about an object of this namespace. */
  List<Event> eventsAbout(String kind, String objectName) {
    return client.v1().events().inNamespace(name)
        .withField("involvedObject.kind", kind)
        .withField("involvedObject.name", objectName)
        .list().getItems();
  }

  static Optional<Condition> ready(NorthflankJob job) {
    return job == null || job.getStatus() == null
        ? Optional.empty()
        : Conditions.find(job.getStatus().conditions, Conditions.READY);
  }

  static Optional<Condition> ready(NorthflankJobRun run) {
    return run == null || run.getStatus() == null
        ? Optional.empty()
        : Conditions.find(run.getStatus().conditions, Conditions.READY);
  }
}
