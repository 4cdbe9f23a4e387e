package io.northflankjob.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunNamesTest {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  @Test
  void aGeneratedNameIsTheJobsAndFiveRandomCharacters() {
    String name = RunNames.generate("db-migrate", new Random(1));

    assertThat(name).matches("db-migrate-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(RunNames.generate("db-migrate", new Random(2))).isNotEqualTo(name);
  }

  @Test
  void aLongJobNameIsCutToFitAJobNameWithoutATrailingDash() {
    String jobName = "a".repeat(56) + "-" + "b".repeat(20);

    String name = RunNames.generate(jobName, new Random(1));

    assertThat(name).hasSize(62).startsWith("a".repeat(56) + "-").matches(DNS_LABEL);
    assertThat(RunNames.withSuffix("c".repeat(70), "-run")).hasSize(63).endsWith("c-run");
  }
}
