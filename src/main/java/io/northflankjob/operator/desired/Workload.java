package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.plan.Plan;
import io.northflankjob.operator.plan.Plans;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one run of a job executes: the job's spec with a run's overrides laid over it. Every
 * message names the object and field at fault.
 *
 * @param image the container image
 * @param pullSecret the image pull Secret's name, or null
 * @param start the container's command and args
 * @param plan CPU and memory
 * @param ephemeralStorageMiB ephemeral storage, or null for the node's default
 * @param env environment variables, sorted by name
 */
record Workload(
    String image,
    String pullSecret,
    StartCommand start,
    Plan plan,
    Long ephemeralStorageMiB,
    SortedMap<String, String> env) {

  /** A scheduled run: the job as it is. */
  static Workload of(NorthflankJob job) {
    return of(job, null);
  }

  /**
   * A run of {@code job}, with the overrides of {@code run} if not null: its external image
   * replaces the job's with its credentials, its docker override replaces the job's (and so any
   * buildpack override), its plan replaces the job's, its runtimeEnvironment is merged over the
   * job's.
   */
  static Workload of(NorthflankJob job, NorthflankJobRun run) {
    NorthflankJobSpec spec = specOf(job);
    NorthflankJobRunSpec overrides = run == null ? null : runSpecOf(run);
    NorthflankJobRunSpec.RunDeployment runDeployment = overrides == null ? null : overrides.deployment;

    External external = spec.deployment == null ? null : spec.deployment.external;
    String externalField = field(job, "spec.deployment.external");
    if (runDeployment != null && runDeployment.external != null) {
      external = runDeployment.external;
      externalField = field(run, "spec.deployment.external");
    }
    if (external == null || external.imagePath == null || external.imagePath.isBlank()) {
      throw new IllegalArgumentException(externalField + ".imagePath is required: the image to run");
    }

    DockerOverride docker = spec.deployment == null ? null : spec.deployment.docker;
    String dockerField = field(job, "spec.deployment.docker");
    if (runDeployment != null && runDeployment.docker != null) {
      docker = runDeployment.docker;
      dockerField = field(run, "spec.deployment.docker");
    }
    StartCommand start = StartCommand.of(
        docker, dockerField,
        spec.deployment == null ? null : spec.deployment.buildpack,
        field(job, "spec.deployment.buildpack"));

    String planName = spec.billing == null ? null : spec.billing.deploymentPlan;
    String planField = field(job, "spec.billing.deploymentPlan");
    if (overrides != null && overrides.billing != null && overrides.billing.deploymentPlan != null) {
      planName = overrides.billing.deploymentPlan;
      planField = field(run, "spec.billing.deploymentPlan");
    }
    Plan plan = plan(planName, planField);

    SortedMap<String, String> env = new TreeMap<>();
    if (spec.runtimeEnvironment != null) {
      env.putAll(spec.runtimeEnvironment);
    }
    if (overrides != null && overrides.runtimeEnvironment != null) {
      env.putAll(overrides.runtimeEnvironment);
    }

    return new Workload(
        external.imagePath, external.credentials, start, plan, ephemeralStorageMiB(job),
        Collections.unmodifiableSortedMap(env));
  }

  static NorthflankJobSpec specOf(NorthflankJob job) {
    if (job == null || job.getSpec() == null) {
      throw new IllegalArgumentException("a NorthflankJob with a spec is required");
    }
    return job.getSpec();
  }

  private static NorthflankJobRunSpec runSpecOf(NorthflankJobRun run) {
    if (run.getSpec() == null) {
      throw new IllegalArgumentException(field(run, "spec") + " is required");
    }
    return run.getSpec();
  }

  private static Plan plan(String name, String field) {
    if (name == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return Plans.find(name).orElseThrow(() -> new IllegalArgumentException(
        field + ": unknown plan '" + name + "'; known plans: " + String.join(", ", Plans.names())));
  }

  /** Northflank gives MB; like plan memory it is taken as MiB, rounded up so it is never 0. */
  private static Long ephemeralStorageMiB(NorthflankJob job) {
    NorthflankJobSpec spec = job.getSpec();
    if (spec.deployment == null
        || spec.deployment.storage == null
        || spec.deployment.storage.ephemeralStorage == null) {
      return null;
    }
    BigDecimal size = spec.deployment.storage.ephemeralStorage.storageSize;
    if (size == null || size.signum() <= 0) {
      throw new IllegalArgumentException(
          field(job, "spec.deployment.storage.ephemeralStorage.storageSize") + " must be a positive number of MB");
    }
    return size.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** "NorthflankJob nightly: spec.x", naming the object a field belongs to. */
  static String field(HasMetadata owner, String path) {
    return owner.getKind() + " " + owner.getMetadata().getName() + ": " + path;
  }
}
