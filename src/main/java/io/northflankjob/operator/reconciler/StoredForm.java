package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A desired CronJob with each resource quantity written as the API server stored the same amount
 * ({@code 1Gi} for {@code 1024Mi}, {@code 1} for {@code 1000m}).
 *
 * <p>Server-side apply matching compares text. The Java Operator SDK evens these out for the pod
 * templates of Deployments, StatefulSets, ReplicaSets and DaemonSets, not of CronJobs; without
 * this, every event about a CronJob (each run changes its status) would apply it again.
 */
final class StoredForm {

  private StoredForm() {}

  /** A copy of {@code desired} in the stored form of {@code actual}; the arguments are left as they are. */
  static CronJob of(CronJob desired, CronJob actual) {
    CronJob copy = new CronJobBuilder(desired).build();
    Optional<PodSpec> actualPod = podSpec(actual);
    podSpec(copy).ifPresent(pod -> {
      for (Container container : pod.getContainers()) {
        actualPod.flatMap(p -> named(p.getContainers(), container.getName()))
            .map(Container::getResources)
            .ifPresent(stored -> container.setResources(asStored(container.getResources(), stored)));
      }
    });
    return copy;
  }

  private static ResourceRequirements asStored(ResourceRequirements desired, ResourceRequirements stored) {
    if (desired == null) {
      return null;
    }
    ResourceRequirements result = new ResourceRequirements();
    result.setClaims(desired.getClaims());
    result.setLimits(asStored(desired.getLimits(), stored.getLimits()));
    result.setRequests(asStored(desired.getRequests(), stored.getRequests()));
    return result;
  }

  private static Map<String, Quantity> asStored(Map<String, Quantity> desired, Map<String, Quantity> stored) {
    if (desired == null) {
      return null;
    }
    Map<String, Quantity> result = new LinkedHashMap<>(desired);
    if (stored != null) {
      result.replaceAll((name, quantity) -> {
        Quantity same = stored.get(name);
        return same != null && sameAmount(quantity, same) ? same : quantity;
      });
    }
    return result;
  }

  private static boolean sameAmount(Quantity a, Quantity b) {
    try {
      return a.getNumericalAmount().compareTo(b.getNumericalAmount()) == 0;
    } catch (IllegalArgumentException unparsable) {
      return false;
    }
  }

  private static Optional<PodSpec> podSpec(CronJob cronJob) {
    return Optional.ofNullable(cronJob)
        .map(CronJob::getSpec)
        .map(spec -> spec.getJobTemplate())
        .map(template -> template.getSpec())
        .map(spec -> spec.getTemplate())
        .map(template -> template.getSpec());
  }

  private static Optional<Container> named(List<Container> containers, String name) {
    return containers == null
        ? Optional.empty()
        : containers.stream().filter(c -> c.getName() != null && c.getName().equals(name)).findFirst();
  }
}
