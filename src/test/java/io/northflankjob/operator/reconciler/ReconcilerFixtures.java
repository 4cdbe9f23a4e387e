package io.northflankjob.operator.reconciler;

import io.northflankjob.operator.testing.JobFixtures;

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
    NorthflankJob job = JobFixtures.manual(MockOperator.NAMESPACE, name);
    job.getSpec().tags.add("nightly");
    job.getSpec().settings.backoffLimit = 1;
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
