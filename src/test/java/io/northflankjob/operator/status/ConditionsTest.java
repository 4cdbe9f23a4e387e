package io.northflankjob.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-05-01T10:05:00Z");

  @Test
  void buildsTheStandardShape() {
    Condition ready = Conditions.of("Ready", false, "InvalidSpec", "spec.x: bad", 3L, T1);

    assertThat(ready.getType()).isEqualTo("Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage()).isEqualTo("spec.x: bad");
    assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    assertThat(ready.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00.000Z");
  }

  @Test
  void keepsTransitionTimeWhileStatusStaysTheSame() {
    List<Condition> before = List.of(Conditions.of("Ready", true, "Scheduled", "a", 1L, T1));

    List<Condition> after =
        Conditions.put(before, Conditions.of("Ready", true, "Suspended", "b", 2L, T2));

    assertThat(after).singleElement().satisfies(c -> {
      assertThat(c.getLastTransitionTime()).isEqualTo(IsoTime.format(T1));
      // everything else follows the new condition
      assertThat(c.getReason()).isEqualTo("Suspended");
      assertThat(c.getMessage()).isEqualTo("b");
      assertThat(c.getObservedGeneration()).isEqualTo(2L);
    });
  }

  @Test
  void movesTransitionTimeWhenStatusFlips() {
    List<Condition> before = List.of(Conditions.of("Ready", true, "Scheduled", "a", 1L, T1));

    List<Condition> after =
        Conditions.put(before, Conditions.of("Ready", false, "InvalidSpec", "b", 2L, T2));

    assertThat(after).singleElement()
        .extracting(Condition::getLastTransitionTime).isEqualTo(IsoTime.format(T2));
  }

  @Test
  void replacesOnlyItsTypeAndAppendsNewTypes() {
    Condition other = Conditions.of("Other", true, "R", "m", 1L, T1);
    List<Condition> before = List.of(other, Conditions.of("Ready", false, "X", "m", 1L, T1));

    List<Condition> after = Conditions.put(before, Conditions.of("Ready", true, "Y", "m", 1L, T2));
    assertThat(after).extracting(Condition::getType).containsExactly("Other", "Ready");
    assertThat(after.get(0)).isSameAs(other);

    assertThat(Conditions.put(List.of(), other)).containsExactly(other);
    assertThat(Conditions.put(null, other)).containsExactly(other);
  }

  @Test
  void findsByType() {
    Condition ready = Conditions.of("Ready", true, "R", "m", 1L, T1);
    assertThat(Conditions.find(List.of(ready), "Ready")).containsSame(ready);
    assertThat(Conditions.find(List.of(ready), "Other")).isEmpty();
    assertThat(Conditions.find(null, "Ready")).isEmpty();
  }
}
