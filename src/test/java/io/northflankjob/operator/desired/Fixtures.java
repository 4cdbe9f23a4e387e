package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.northflankjob.operator.api.v1alpha1.BuildpackOverride;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.config.OperatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** NorthflankJobs and runs to build objects from; each call returns a fresh copy to change. */
final class Fixtures {

  static final String JOB_UID = "6f1c2a0e-8d1b-4c57-9a3e-2b7d5e0f4a11";
  static final String RUN_UID = "0b9e7c3d-5a2f-4e81-b6d4-7c1a9f3e2d50";

  private Fixtures() {}

  /** The example job of Northflank's "Get job" page, running busybox:1.36 (fixtures/cron-job.yaml). */
  static NorthflankJob cronJob() {
    try (InputStream yaml = Fixtures.class.getResourceAsStream("/fixtures/cron-job.yaml")) {
      return Serialization.unmarshal(yaml, NorthflankJob.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example job as a manual job: no schedule. */
  static NorthflankJob manualJob() {
    NorthflankJob job = cronJob();
    job.getSpec().jobType = JobType.MANUAL;
    job.getSpec().settings.cron = null;
    job.getSpec().suspended = null;
    return job;
  }

  /** A run of {@code job} with no overrides. */
  static NorthflankJobRun run(String name, NorthflankJob job) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.setMetadata(new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(job.getMetadata().getNamespace())
        .withUid(RUN_UID)
        .build());
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = job.getMetadata().getName();
    return run;
  }

  static OperatorSettings settings(double requestModifier) {
    return new OperatorSettings("team", "cluster", "cluster", List.of(), requestModifier, Set.of());
  }

  static DockerOverride docker(DockerOverride.ConfigType type, String entrypoint, String command) {
    DockerOverride docker = new DockerOverride();
    docker.configType = type;
    docker.customEntrypoint = entrypoint;
    docker.customCommand = command;
    return docker;
  }

  static BuildpackOverride buildpack(
      BuildpackOverride.ConfigType type, String process, String entrypoint, String command) {
    BuildpackOverride buildpack = new BuildpackOverride();
    buildpack.configType = type;
    buildpack.customProcess = process;
    buildpack.customEntrypoint = entrypoint;
    buildpack.customCommand = command;
    return buildpack;
  }
}
