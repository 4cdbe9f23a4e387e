package io.northflankjob.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobLabelsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 63})
  void aNameThatFitsIsItsOwnSelectorValue(int length) {
    String name = "j".repeat(length);

    assertThat(JobLabels.jobSelectorValue(name)).isEqualTo(name);
    assertThat(JobLabels.runSelectorValue(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 100, 253})
  void aLongerNameIsTruncatedWithAHash(int length) {
    String name = "j".repeat(length);

    String value = JobLabels.jobSelectorValue(name);

    assertThat(value).hasSize(63).matches("j{52}-[0-9a-f]{10}");
    assertThat(LabelSyntax.isValidValue(value)).isTrue();
  }

  @Test
  void theTruncatedValueIsStableAndKnown() {
    String name = "nightly-report-".repeat(5);

    // The first 10 hex digits of the name's SHA-256 (sha256sum agrees): a value selectors can rely on.
    assertThat(JobLabels.jobSelectorValue(name))
        .isEqualTo(name.substring(0, 52) + "-" + "9e67b2cbfe")
        .isEqualTo(JobLabels.jobSelectorValue(new String(name)));
  }

  @Test
  void longNamesSharingTheirStartGetDifferentValues() {
    String start = "a".repeat(60);

    assertThat(JobLabels.jobSelectorValue(start + "-one"))
        .isNotEqualTo(JobLabels.jobSelectorValue(start + "-two"))
        .startsWith("a".repeat(52) + "-");
  }

  @Test
  void aTruncationEndingInAPunctuationMarkIsStillAValidValue() {
    String name = "a".repeat(51) + ".b" + "c".repeat(20);

    String value = JobLabels.jobSelectorValue(name);

    assertThat(value).startsWith("a".repeat(51) + ".-");
    assertThat(LabelSyntax.isValidValue(value)).isTrue();
  }

  @Test
  void anUnnamedObjectHasNoSelectorValue() {
    assertThatThrownBy(() -> JobLabels.jobSelectorValue(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tagsThatMakeValidKeysBecomeLabels() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().tags = List.of("Team-A", "x".repeat(63), "y".repeat(64));

    assertThat(JobLabels.of(job))
        .containsEntry("tag.northflank.com/Team-A", "true")
        .containsEntry("tag.northflank.com/" + "x".repeat(63), "true")
        .doesNotContainKey("tag.northflank.com/" + "y".repeat(64));
    assertThat(JobLabels.annotations(job))
        .containsEntry("northflank.com/tags", "Team-A," + "x".repeat(63) + "," + "y".repeat(64));
  }

  @Test
  void noTagsNoTagLabels() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().tags = null;

    assertThat(JobLabels.of(job)).containsOnlyKeys("app.kubernetes.io/managed-by", "northflank.com/job");
    assertThat(JobLabels.annotations(job)).doesNotContainKey("northflank.com/tags");
  }
}
