package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TryStartAgainTest {

  private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void aNewRunIsTriedEverySecond() {
    assertThat(after(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    assertThat(after(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRunThatHasWaitedLongerIsTriedLessOften() {
    assertThat(after(Duration.ofSeconds(100))).isEqualTo(Duration.ofSeconds(10));
    assertThat(after(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void neverMoreThanAMinuteApart() {
    assertThat(after(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
    assertThat(after(Duration.ofDays(3))).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aRunWithoutACreationTimeCountsAsNew() {
    NorthflankJobRun run = ReconcilerFixtures.run("early-001", "early");
    run.getMetadata().setCreationTimestamp(null);

    assertThat(NorthflankJobRunReconciler.tryStartAgainAfter(run, CREATED))
        .isEqualTo(Duration.ofSeconds(1));
  }

  private static Duration after(Duration waited) {
    NorthflankJobRun run = ReconcilerFixtures.run("early-001", "early");
    run.getMetadata().setCreationTimestamp(CREATED.toString());
    return NorthflankJobRunReconciler.tryStartAgainAfter(run, CREATED.plus(waited));
  }
}
