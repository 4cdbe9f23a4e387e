package io.northflankjob.operator.config;

import java.util.List;
import java.util.Set;

/**
 * How this operator installation describes itself and sizes containers. Comes from flags and
 * environment variables (see the CLI's {@code run} command).
 *
 * @param team the team segment of {@code status.appId} ({@code /<team>/<projectId>/<id>})
 * @param clusterId {@code status.cluster.id}
 * @param clusterName {@code status.cluster.name}
 * @param loadBalancers {@code status.cluster.loadBalancers}
 * @param requestModifier CPU and memory requests are the plan's limits times this (0 &lt; x &le; 1)
 * @param watchedNamespaces namespaces to watch; empty means all
 */
public record OperatorSettings(
    String team,
    String clusterId,
    String clusterName,
    List<String> loadBalancers,
    double requestModifier,
    Set<String> watchedNamespaces) {

  /** The field manager of every server-side apply the operator makes. */
  public static final String FIELD_MANAGER = "northflank-job-operator";

  public OperatorSettings {
    if (!(requestModifier > 0 && requestModifier <= 1)) {
      throw new IllegalArgumentException(
          "request modifier must be greater than 0 and at most 1, was " + requestModifier);
    }
    loadBalancers = List.copyOf(loadBalancers);
    watchedNamespaces = Set.copyOf(watchedNamespaces);
  }

  /** Settings for a local cluster and for offline rendering. */
  public static OperatorSettings defaults() {
    return new OperatorSettings("default-team", "local", "local", List.of(), 1.0, Set.of());
  }
}
