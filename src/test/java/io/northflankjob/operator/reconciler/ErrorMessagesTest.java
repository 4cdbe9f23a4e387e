package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

  private static final KubernetesClientException SERVER_ERROR = new KubernetesClientException(
      new StatusBuilder().withCode(500).withMessage("etcd is having a bad day").build());

  @Test
  void anApiErrorIsWhatTheServerSaid() {
    assertThat(ErrorMessages.of(SERVER_ERROR)).isEqualTo("HTTP 500: etcd is having a bad day");
  }

  @Test
  void wrappersAreLookedThrough() {
    assertThat(ErrorMessages.of(new OperatorException("wrapped", SERVER_ERROR)))
        .isEqualTo("HTTP 500: etcd is having a bad day");
  }

  @Test
  void ourOwnExplanationWinsOverItsCause() {
    assertThat(ErrorMessages.of(new IllegalStateException("Job x is not this run's", SERVER_ERROR)))
        .isEqualTo("Job x is not this run's");
  }

  @Test
  void withoutAnyMessageTheTypeIsNamed() {
    assertThat(ErrorMessages.of(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
