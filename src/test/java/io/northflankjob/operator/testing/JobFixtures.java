package io.northflankjob.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.Deployment;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.Settings;
import java.util.ArrayList;

/** Small valid jobs for tests, to adjust field by field. */
public final class JobFixtures {

  private JobFixtures() {}

  /** A manual job running busybox on the smallest plan, no retries, a 600 s deadline. */
  public static NorthflankJob manual(String namespace, String name) {
    NorthflankJob job = new NorthflankJob();
    job.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    NorthflankJobSpec spec = new NorthflankJobSpec();
    spec.name = "Job " + name;
    spec.tags = new ArrayList<>();
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
    spec.settings.backoffLimit = 0;
    spec.settings.activeDeadlineSeconds = 600L;
    job.setSpec(spec);
    return job;
  }
}
