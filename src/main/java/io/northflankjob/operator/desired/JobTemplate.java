package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.Settings;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.List;
import java.util.Map;

/**
 * The Job spec every run of a job gets, scheduled by its CronJob or started by hand: retries and
 * deadline from the job's settings, one container from the {@link Workload}.
 */
final class JobTemplate {

  /** The name of the one container of a job's pod. */
  static final String CONTAINER_NAME = "job";
  static final String RESTART_POLICY = "Never";

  private JobTemplate() {}

  /** @param labels and {@code annotations}: the pod template's metadata */
  static JobSpec spec(
      NorthflankJob job,
      Workload workload,
      OperatorSettings settings,
      Map<String, String> labels,
      Map<String, String> annotations) {
    Settings jobSettings = job.getSpec().settings;
    if (jobSettings == null || jobSettings.backoffLimit == null) {
      throw new IllegalArgumentException(Workload.field(job, "spec.settings.backoffLimit") + " is required");
    }
    return new JobSpecBuilder()
        .withBackoffLimit(jobSettings.backoffLimit)
        .withActiveDeadlineSeconds(jobSettings.activeDeadlineSeconds)
        .withTemplate(podTemplate(workload, settings, labels, annotations))
        .build();
  }

  private static PodTemplateSpec podTemplate(
      Workload workload,
      OperatorSettings settings,
      Map<String, String> labels,
      Map<String, String> annotations) {
    List<LocalObjectReference> pullSecrets = workload.pullSecret() == null
        ? List.of()
        : List.of(new LocalObjectReference(workload.pullSecret()));
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
            .withLabels(labels)
            .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
            .withRestartPolicy(RESTART_POLICY)
            .withImagePullSecrets(pullSecrets)
            .withContainers(container(workload, settings))
        .endSpec()
        .build();
  }

  private static Container container(Workload workload, OperatorSettings settings) {
    // An empty value is left out, as the API server stores it; applying "" would claim a field
    // the stored object does not have, and server-side apply would never see the two as equal.
    List<EnvVar> env = workload.env().entrySet().stream()
        .map(e -> new EnvVar(e.getKey(), "".equals(e.getValue()) ? null : e.getValue(), null))
        .toList();
    return new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(workload.image())
        .withCommand(workload.start().command())
        .withArgs(workload.start().args())
        .withEnv(env)
        .withResources(ContainerResources.of(
            workload.plan(), workload.ephemeralStorageMiB(), settings.requestModifier()))
        .build();
  }
}
