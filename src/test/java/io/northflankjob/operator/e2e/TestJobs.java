package io.northflankjob.operator.e2e;

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
import io.northflankjob.operator.api.v1alpha1.Settings.Cron.ConcurrencyPolicy;

/**
 * Jobs and runs as a user would write them. On the simulated node a pod succeeds after a second,
 * unless its job carries the tag {@link #FAIL} or {@link #HANG} (see hack/kwok/pod-stages.yaml).
 */
final class TestJobs {

  /** Tag whose pods fail after a second. */
  static final String FAIL = "simulate-fail";
  /** Tag whose pods run until they are deleted. */
  static final String HANG = "simulate-hang";

  private TestJobs() {}

  static NorthflankJob manual(String namespace, String name) {
    NorthflankJob job = JobFixtures.manual(namespace, name);
    job.getSpec().name = "E2E " + name;
    job.getSpec().tags.add("e2e");
    return job;
  }

  static NorthflankJob cron(String namespace, String name, String schedule, ConcurrencyPolicy policy) {
    NorthflankJob job = manual(namespace, name);
    job.getSpec().jobType = JobType.CRON;
    job.getSpec().settings.cron = new Settings.Cron();
    job.getSpec().settings.cron.schedule = schedule;
    job.getSpec().settings.cron.concurrencyPolicy = policy;
    return job;
  }

  /** The job with one more tag, e.g. {@link #FAIL}. */
  static NorthflankJob tagged(NorthflankJob job, String tag) {
    job.getSpec().tags.add(tag);
    return job;
  }

  static NorthflankJobRun run(String namespace, String name, String jobName) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = jobName;
    return run;
  }
}
