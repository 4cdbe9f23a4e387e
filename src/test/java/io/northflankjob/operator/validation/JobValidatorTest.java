package io.northflankjob.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobValidatorTest {

  private static final JsonNode VALID = Yaml.resource("/validation/valid-cron-job.yaml");

  /** The cases of invalid-jobs.yaml: a patch on the valid job and the problems it must give. */
  static Stream<Arguments> invalidJobs() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode invalid : Yaml.resource("/validation/invalid-jobs.yaml")) {
      List<String> problems = new ArrayList<>();
      invalid.path("problems").forEach(problem -> problems.add(problem.asText()));
      cases.add(Arguments.of(invalid.path("case").asText(), invalid.path("patch"), problems));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidJobs")
  void invalidManifestGivesExactlyItsProblems(String name, JsonNode patch, List<String> expected) {
    JsonNode manifest = Yaml.mergePatch(VALID, patch);

    assertThat(JobValidator.validate(manifest)).map(Problem::toString).containsExactlyElementsOf(expected);
  }

  @Test
  void thereAreAtLeastThirtyInvalidCases() {
    assertThat(invalidJobs()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void validManifestHasNoProblem() {
    assertThat(JobValidator.validate(VALID)).isEmpty();
  }

  static Stream<Path> exampleJobs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("exampleJobs")
  void everyExampleJobIsValid(Path file) {
    for (JsonNode document : Yaml.documents(file)) {
      if (document.path("kind").asText().equals("NorthflankJob")) {
        assertThat(JobValidator.validate(document)).as(file.toString()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "* * * * *", "*/15 * * * *", "0 8 * * MON-FRI", "0 8 * * mon,wed,fri", "0 0 1 JAN,JUL *",
      "5/10 * * * *", "0 9-17/2 * * 1-5", "0 0 ? * SUN", "0 0 31 2 *", "  0 8 * * *  ", "0\t8 * * *",
      "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
  void schedulesKubernetesAcceptsAreValid(String schedule) {
    JsonNode manifest = Yaml.mergePatch(VALID,
        Yaml.parse("spec: {settings: {cron: {schedule: '" + schedule + "'}}}"));

    assertThat(JobValidator.validate(manifest)).isEmpty();
  }

  @Test
  void manualJobsScheduleIsNotChecked() {
    JsonNode manifest = Yaml.mergePatch(VALID,
        Yaml.parse("spec: {jobType: manual, settings: {cron: {schedule: 'not cron'}}}"));

    assertThat(JobValidator.validate(manifest)).isEmpty();
  }

  @Test
  void manualJobMayHaveALongerNameThanACronJob() {
    String name = "a-manual-job-name-that-is-longer-than-a-cron-job-name-may-be";
    JsonNode manifest = Yaml.mergePatch(VALID,
        Yaml.parse("{metadata: {name: " + name + "}, spec: {jobType: manual, settings: {cron: null}}}"));

    assertThat(JobValidator.validate(manifest)).isEmpty();
  }

  @Test
  void jobFromTheApiServerIsCheckedLikeItsManifest() {
    NorthflankJob job = Manifests.read((com.fasterxml.jackson.databind.node.ObjectNode) VALID, NorthflankJob.class).orElseThrow();
    assertThat(JobValidator.validate(job)).isEmpty();

    job.getSpec().settings.cron.schedule = "0 8 * * 7";
    job.getSpec().billing.deploymentPlan = "nf-gpu-h100-80-1g";
    job.getSpec().deployment.docker.customCommand = null;

    assertThat(JobValidator.validate(job)).extracting(Problem::field).containsExactly(
        "spec.billing.deploymentPlan",
        "spec.deployment.docker.customCommand",
        "spec.settings.cron.schedule");
  }

  @Test
  void cronRuleOfTheCrdIsCheckedOnTypedJobsToo() {
    // As when the API server runs an older CRD without the rule.
    NorthflankJob job = Manifests.read((com.fasterxml.jackson.databind.node.ObjectNode) VALID, NorthflankJob.class).orElseThrow();
    job.getSpec().jobType = JobType.CRON;
    job.getSpec().settings.cron = null;

    assertThat(JobValidator.validate(job)).containsExactly(
        new Problem("spec.settings", "settings.cron.schedule is required when jobType is cron"));
  }
}
