package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorHealthTest {

  // Never contacted: the operator is neither started nor given controllers.
  private final KubernetesClient client =
      new KubernetesClientBuilder()
          .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build())
          .build();
  private final StubRuntimeInfo runtime =
      new StubRuntimeInfo(new Operator(o -> o.withKubernetesClient(client)));
  private final OperatorHealth health = new OperatorHealth(() -> runtime);

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aStartingOperatorIsLiveButNotReady() {
    assertThat(health.live()).isTrue();
    assertThat(health.ready()).isFalse();
  }

  @Test
  void readyOnceStartedWithHealthyEventSources() {
    runtime.started = true;
    runtime.healthy = false;
    assertThat(health.ready()).isFalse();

    runtime.healthy = true;
    assertThat(health.ready()).isTrue();
    assertThat(health.live()).isTrue();
  }

  @Test
  void notLiveOnceStoppedAfterStarting() {
    runtime.started = true;
    assertThat(health.live()).isTrue();

    runtime.started = false;

    assertThat(health.live()).isFalse();
    assertThat(health.ready()).isFalse();
  }

  @Test
  void aStartSeenOnlyByTheReadinessCheckCountsForLiveness() {
    runtime.started = true;
    runtime.healthy = true;
    assertThat(health.ready()).isTrue();

    runtime.started = false;

    assertThat(health.live()).isFalse();
  }

  private static final class StubRuntimeInfo extends RuntimeInfo {
    volatile boolean started;
    volatile boolean healthy;

    StubRuntimeInfo(Operator operator) {
      super(operator);
    }

    @Override
    public boolean isStarted() {
      return started;
    }

    @Override
    public boolean allEventSourcesAreHealthy() {
      return healthy;
    }
  }
}
