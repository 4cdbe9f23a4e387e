package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderElectionTest {

  @Test
  void offMeansNoConfiguration() {
    OpsSettings settings = new OpsSettings(8080, LogFormat.TEXT, false, Optional.of("ns"));

    assertThat(LeaderElection.configuration(settings)).isEmpty();
  }

  @Test
  void onUsesTheOperatorLeaseInTheConfiguredNamespace() {
    OpsSettings settings =
        new OpsSettings(8080, LogFormat.TEXT, true, Optional.of("northflank-system"));

    LeaderElectionConfiguration configuration =
        LeaderElection.configuration(settings).orElseThrow();

    assertThat(configuration.getLeaseName()).isEqualTo("northflank-job-operator");
    assertThat(configuration.getLeaseNamespace()).hasValue("northflank-system");
    assertThat(configuration.getIdentity()).isEmpty();
  }

  @Test
  void withoutANamespaceTheSdkInfersIt() {
    OpsSettings settings = new OpsSettings(8080, LogFormat.TEXT, true, Optional.empty());

    assertThat(LeaderElection.configuration(settings).orElseThrow().getLeaseNamespace()).isEmpty();
  }
}
