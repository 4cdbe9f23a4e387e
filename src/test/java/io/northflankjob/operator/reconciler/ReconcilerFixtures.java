package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.Deployment;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.Settings;
import java.util.List;

/** Jobs and runs as a user would apply them, with the CRD's defaults filled in. */
final class ReconcilerFixtures {

  private ReconcilerFixtures() {}

  static NorthflankJob cronJob(String name, String schedule) {
    NorthflankJob job = manualJob(name);
    job.getSpec().jobType = JobType.CRON;
    job.getSpec().settings.cron = new Settings.Cron();
    job.getSpec().settings.cron.schedule = schedule;
    job.getSpec().settings.cron.concurrencyPolicy = Settings.Cron.ConcurrencyPolicy.Forbid;
    return job;
  }

  static NorthflankJob manualJob(String name) {
    NorthflankJob job = new NorthflankJob();
    job.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(MockOperator.NAMESPACE).build());
    NorthflankJobSpec spec = new NorthflankJobSpec();
    spec.name = "Job " + name;
    spec.tags = List.of("nightly");
    spec.jobType = JobType.MANUAL;
    spec.disabledCI = false;
    spec.disabledCD = false;
    spec.suspended = false;
    spec.deployment = new Deployment();
    spec.deployment.external = new External();
    spec.deployment.external.imagePath = "busybox:1.36";
    spec.billing = new Billing();
    spec.billing.deploymentPlan = "nf-compute-10";
    spec.settings = new Settings();
    spec.settings.backoffLimit = 1;
    spec.settings.activeDeadlineSeconds = 600L;
    job.setSpec(spec);
    return job;
  }

  static NorthflankJobRun run(String name, String jobName) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(MockOperator.NAMESPACE).build());
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = jobName;
    return run;
  }
}
