package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpsSettingsTest {

  @Test
  void defaultsSuitALocalRun() {
    OpsSettings settings = OpsSettings.fromEnv(Map.of());

    assertThat(settings)
        .isEqualTo(new OpsSettings(8080, LogFormat.TEXT, false, Optional.empty()));
  }

  @Test
  void readsEveryVariable() {
    OpsSettings settings =
        OpsSettings.fromEnv(
            Map.of(
                "NF_METRICS_PORT", "9090",
                "NF_LOG_FORMAT", "json",
                "NF_LEADER_ELECTION", "true",
                "NF_LEADER_ELECTION_NAMESPACE", "leases",
                "POD_NAMESPACE", "northflank-system"));

    assertThat(settings)
        .isEqualTo(new OpsSettings(9090, LogFormat.JSON, true, Optional.of("leases")));
  }

  @Test
  void leaseNamespaceFallsBackToThePodNamespace() {
    OpsSettings settings =
        OpsSettings.fromEnv(
            Map.of("NF_LEADER_ELECTION_NAMESPACE", " ", "POD_NAMESPACE", "northflank-system"));

    assertThat(settings.leaseNamespace()).hasValue("northflank-system");
  }

  @Test
  void rejectsValuesItCannotUseNamingTheVariable() {
    assertThatThrownBy(() -> OpsSettings.fromEnv(Map.of("NF_LOG_FORMAT", "JSON")))
        .hasMessageContaining("NF_LOG_FORMAT")
        .hasMessageContaining("text, json");
    assertThatThrownBy(() -> OpsSettings.fromEnv(Map.of("NF_LEADER_ELECTION", "yes")))
        .hasMessageContaining("NF_LEADER_ELECTION must be true or false");
    assertThatThrownBy(() -> OpsSettings.fromEnv(Map.of("NF_METRICS_PORT", "http")))
        .hasMessageContaining("NF_METRICS_PORT");
    assertThatThrownBy(() -> OpsSettings.fromEnv(Map.of("NF_METRICS_PORT", "70000")))
        .hasMessageContaining("NF_METRICS_PORT must be between 1 and 65535");
  }
}
