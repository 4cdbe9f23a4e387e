package io.northflankjob.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

  @Test
  void formatsWithMillisecondsInUtc() {
    assertThat(IsoTime.format(Instant.parse("2021-01-20T11:19:53.175Z")))
        .isEqualTo("2021-01-20T11:19:53.175Z");
    assertThat(IsoTime.format(Instant.parse("2021-01-20T11:19:53Z")))
        .isEqualTo("2021-01-20T11:19:53.000Z");
  }

  @Test
  void readsKubernetesTimestampsOfAnyPrecisionAndOffset() {
    assertThat(IsoTime.fromKubernetes("2021-01-20T11:19:53Z")).isEqualTo("2021-01-20T11:19:53.000Z");
    assertThat(IsoTime.fromKubernetes("2021-01-20T11:19:53.175432Z"))
        .isEqualTo("2021-01-20T11:19:53.175Z");
    assertThat(IsoTime.fromKubernetes("2021-01-20T12:19:53+01:00"))
        .isEqualTo("2021-01-20T11:19:53.000Z");
  }

  @Test
  void nullStaysNull() {
    assertThat(IsoTime.fromKubernetes(null)).isNull();
    assertThat(IsoTime.format(null)).isNull();
  }
}
