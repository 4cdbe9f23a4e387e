package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreatedSinceStartTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private final CreatedSinceStart<CronJob> filter =
      new CreatedSinceStart<>(Clock.fixed(START, ZoneOffset.UTC));

  @Test
  void objectsThatExistedBeforeTheStartAreNotAnEvent() {
    assertThat(filter.accept(createdAt("2026-03-01T11:59:50Z"))).isFalse();
    assertThat(filter.accept(createdAt("2026-03-01T11:00:00Z"))).isFalse();
    assertThat(filter.accept(createdAt("2025-12-24T08:30:00Z"))).isFalse();
  }

  @Test
  void objectsCreatedSinceTheStartAreOne() {
    assertThat(filter.accept(createdAt("2026-03-01T12:00:01Z"))).isTrue();
    assertThat(filter.accept(createdAt("2026-03-02T00:00:00Z"))).isTrue();
  }

  @Test
  void aClockOfTheApiServerALittleBehindIsAllowedFor() {
    assertThat(filter.accept(createdAt("2026-03-01T11:59:57Z"))).isTrue();
  }

  @Test
  void anObjectWithoutACreationTimeIsOne() {
    assertThat(filter.accept(createdAt(null))).isTrue();
  }

  private static CronJob createdAt(String timestamp) {
    return new CronJobBuilder()
        .withNewMetadata().withName("nightly").withCreationTimestamp(timestamp).endMetadata()
        .build();
  }
}
