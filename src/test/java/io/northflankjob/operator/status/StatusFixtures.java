package io.northflankjob.operator.status;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.Settings;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.List;
import java.util.Set;

/** Objects as the API server would hand them to the status functions. */
final class StatusFixtures {

  static final String NAMESPACE = "default-project";

  private StatusFixtures() {}

  static OperatorSettings settings() {
    return new OperatorSettings("example-user", "nf-europe-west", "nf-europe-west",
        List.of("lb.example.northflank.com"), 0.7, Set.of());
  }

  static NorthflankJob job(String name, JobType type) {
    NorthflankJob job = new NorthflankJob();
    job.setMetadata(new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withUid("uid-" + name)
        .withGeneration(2L)
        .withCreationTimestamp("2021-01-20T11:19:53Z")
        .build());
    NorthflankJobSpec spec = new NorthflankJobSpec();
    spec.name = "Example Job";
    spec.jobType = type;
    spec.billing = new Billing();
    spec.billing.deploymentPlan = "nf-compute-20";
    spec.settings = new Settings();
    spec.settings.backoffLimit = 0;
    spec.settings.activeDeadlineSeconds = 600L;
    if (type == JobType.CRON) {
      spec.settings.cron = new Settings.Cron();
      spec.settings.cron.schedule = "30 8 * * *";
      spec.settings.cron.concurrencyPolicy = Settings.Cron.ConcurrencyPolicy.Allow;
    }
    spec.suspended = false;
    job.setSpec(spec);
    return job;
  }

  static NorthflankJobRun run(String name, String jobName) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.setMetadata(new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withUid("uid-" + name)
        .withGeneration(1L)
        .withCreationTimestamp("2024-05-01T09:59:59Z")
        .build());
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = jobName;
    return run;
  }

  static CronJob cronJob(String name, String lastScheduleTime) {
    return new CronJobBuilder()
        .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
        .withNewSpec().withSchedule("30 8 * * *").endSpec()
        .withNewStatus().withLastScheduleTime(lastScheduleTime).endStatus()
        .build();
  }

  /** A Job created at {@code created}, started at {@code started} (may be null). */
  static Job k8sJob(String name, String created, String started, JobCondition... conditions) {
    return new JobBuilder()
        .withNewMetadata()
          .withName(name).withNamespace(NAMESPACE).withCreationTimestamp(created)
        .endMetadata()
        .withNewSpec().withBackoffLimit(2).withCompletions(1).endSpec()
        .withNewStatus()
          .withStartTime(started)
          .withConditions(conditions)
        .endStatus()
        .build();
  }

  static JobCondition condition(String type, String reason, String at) {
    return new JobConditionBuilder()
        .withType(type).withStatus("True").withReason(reason).withLastTransitionTime(at)
        .build();
  }
}
