package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resource quantities as the API server stores them. It keeps each quantity in canonical form
 * (1024Mi as 1Gi, 1000m as 1), so a desired CronJob compared field by field with the stored one
 * differs where nothing does, and would be applied again on every reconcile. The Java Operator SDK
 * aligns the quantities of Deployments, StatefulSets, ReplicaSets and DaemonSets before comparing,
 * not those of CronJobs.
 */
final class StoredQuantities {

  private StoredQuantities() {}

  /**
   * {@code desired}, or a copy of it whose container quantities that equal the stored ones in
   * value are spelled as stored. Quantities that differ in value are left as desired.
   */
  static CronJob alignedWith(CronJob desired, CronJob stored, KubernetesSerialization serialization) {
    if (podSpec(desired).isEmpty() || podSpec(stored).isEmpty()) {
      return desired;
    }
    CronJob aligned = serialization.clone(desired);
    PodSpec want = podSpec(aligned).get();
    PodSpec have = podSpec(stored).get();
    align(want.getContainers(), have.getContainers());
    align(want.getInitContainers(), have.getInitContainers());
    return aligned;
  }

  private static void align(List<Container> want, List<Container> have) {
    if (want == null || have == null) {
      return;
    }
    for (Container container : want) {
      have.stream()
          .filter(c -> c.getName() != null && c.getName().equals(container.getName()))
          .findFirst()
          .ifPresent(stored -> align(container.getResources(), stored.getResources()));
    }
  }

  private static void align(ResourceRequirements want, ResourceRequirements have) {
    if (want == null || have == null) {
      return;
    }
    align(want.getLimits(), have.getLimits());
    align(want.getRequests(), have.getRequests());
  }

  private static void align(Map<String, Quantity> want, Map<String, Quantity> have) {
    if (want == null || have == null) {
      return;
    }
    // Quantity.equals compares values: 1024Mi equals 1Gi.
    want.replaceAll((name, quantity) -> quantity.equals(have.get(name)) ? have.get(name) : quantity);
  }

  private static Optional<PodSpec> podSpec(CronJob cronJob) {
    return Optional.ofNullable(cronJob)
        .map(CronJob::getSpec)
        .map(spec -> spec.getJobTemplate())
        .map(template -> template.getSpec())
        .map(spec -> spec.getTemplate())
        .map(template -> template.getSpec());
  }
}
