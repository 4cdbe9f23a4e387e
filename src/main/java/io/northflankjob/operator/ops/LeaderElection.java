package io.northflankjob.operator.ops;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.util.Optional;

/**
 * Leader election between replicas of the operator: one replica reconciles, the others keep
 * their caches warm and take over when its lease expires. The Helm chart grants the lease
 * permissions in the release namespace, the pod's namespace.
 */
public final class LeaderElection {

  /** The name of the {@code coordination.k8s.io} Lease the replicas compete for. */
  public static final String LEASE_NAME = "northflank-job-operator";

  private LeaderElection() {}

  /**
   * The configuration for {@code ConfigurationServiceOverrider.withLeaderElectionConfiguration},
   * or empty when leader election is off. The identity is the Java Operator SDK's default, the
   * pod name (HOSTNAME).
   */
  public static Optional<LeaderElectionConfiguration> configuration(OpsSettings settings) {
    if (!settings.leaderElection()) {
      return Optional.empty();
    }
    LeaderElectionConfigurationBuilder builder =
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME);
    settings.leaseNamespace().ifPresent(builder::withLeaseNamespace);
    return Optional.of(builder.build());
  }
}
