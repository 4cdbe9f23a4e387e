package io.northflankjob.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "app",
      "A",
      "9",
      "my_label.v-2",
      "northflank.com/job",
      "app.kubernetes.io/managed-by",
      "tag.northflank.com/Upper-Case",
      "a/b",
  })
  void validKeys(String key) {
    assertThat(LabelSyntax.isValidKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "-app",
      "app-",
      "app_",
      ".app",
      "has space",
      "ünïcode",
      "/name",
      "prefix/",
      "a/b/c",
      "Upper.Case/name",
      "-prefix.com/name",
      "prefix..com/name",
      "prefix_under.com/name",
  })
  void invalidKeys(String key) {
    assertThat(LabelSyntax.isValidKey(key)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("lengthLimits")
  void keyLengthLimits(String key, boolean valid) {
    assertThat(LabelSyntax.isValidKey(key)).isEqualTo(valid);
  }

  static Object[][] lengthLimits() {
    String label63 = "a".repeat(63);
    String prefix253 = String.join(".", label63, label63, label63, "a".repeat(61));
    return new Object[][] {
        {"n".repeat(63), true},
        {"n".repeat(64), false},
        {prefix253 + "/name", true},
        {prefix253 + "a/name", false},
        {"tag.northflank.com/" + "t".repeat(63), true},
        {"tag.northflank.com/" + "t".repeat(64), false},
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "true", "example-job", "v1.2_3", "A"})
  void validValues(String value) {
    assertThat(LabelSyntax.isValidValue(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-x", "x-", "a b", "a/b", "Example Job"})
  void invalidValues(String value) {
    assertThat(LabelSyntax.isValidValue(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {63, 64})
  void valuesHoldAtMost63Characters(int length) {
    assertThat(LabelSyntax.isValidValue("v".repeat(length))).isEqualTo(length <= 63);
  }
}
