package io.northflankjob.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunValidatorTest {

  private static final NorthflankJob JOB = Manifests.read(
      (ObjectNode) Yaml.documents(Path.of("examples/manual-job.yaml")).get(0), NorthflankJob.class).orElseThrow();
  private static final JsonNode RUN = Yaml.documents(Path.of("examples/run.yaml")).get(0);

  private static JsonNode run(String patch) {
    return Yaml.mergePatch(RUN, Yaml.parse(patch));
  }

  @Test
  void exampleRunIsValid() {
    assertThat(RunValidator.validate(RUN, JOB)).isEmpty();
  }

  @Test
  void typedRunIsCheckedLikeItsManifest() {
    NorthflankJobRun run = Manifests.read((ObjectNode) run("{spec: {billing: {deploymentPlan: nf-compute-5}}}"),
        NorthflankJobRun.class).orElseThrow();

    assertThat(RunValidator.validate(run, JOB)).extracting(Problem::field)
        .containsExactly("spec.billing.deploymentPlan");
  }

  @Test
  void planOverrideMustBeAKnownCpuPlan() {
    assertThat(RunValidator.validate(run("{spec: {billing: {deploymentPlan: nf-gpu-a100-40-1g}}}"), JOB))
        .extracting(Problem::field, p -> p.message().startsWith("\"nf-gpu-a100-40-1g\" is a GPU plan; GPU plans are not supported; use one of nf-compute-10,"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("spec.billing.deploymentPlan", true));
  }

  @Test
  void imageOverrideMustBeAnImage() {
    assertThat(RunValidator.validate(run("{spec: {deployment: {external: {imagePath: 'busybox latest'}}}}"), JOB))
        .containsExactly(new Problem("spec.deployment.external.imagePath", "\"busybox latest\" must not contain whitespace"));
    assertThat(RunValidator.validate(run("{spec: {deployment: {external: {imagePath: ''}}}}"), JOB))
        .containsExactly(new Problem("spec.deployment.external.imagePath", "must not be empty"));
  }

  @Test
  void runOfAJobWithoutImageMustBringOne() {
    NorthflankJob imageless = Manifests.read(
        (ObjectNode) Yaml.mergePatch(Manifests.tree(JOB), Yaml.parse("{spec: {deployment: {external: null}}}")),
        NorthflankJob.class).orElseThrow();

    assertThat(RunValidator.validate(RUN, imageless)).containsExactly(new Problem(
        "spec.deployment.external.imagePath", "required: job \"db-migrate\" sets no image, so its runs must"));
    assertThat(RunValidator.validate(run("{spec: {deployment: {external: {imagePath: 'busybox:1.36'}}}}"), imageless))
        .isEmpty();
  }

  @Test
  void unknownJobSkipsOnlyTheChecksThatNeedIt() {
    assertThat(RunValidator.validate(RUN, null)).isEmpty();
    assertThat(RunValidator.validate(run("{spec: {jobName: null}}"), null))
        .containsExactly(new Problem("spec.jobName", "required"));
  }

  @Test
  void dockerOverrideMustSplitIntoWords() {
    assertThat(RunValidator.validate(
        run("{spec: {deployment: {docker: {configType: customCommand, customCommand: 'echo \"hi'}}}}"), JOB))
        .containsExactly(new Problem("spec.deployment.docker.customCommand",
            "\"echo \\\"hi\" cannot be split into words as a shell would:"
                + " unterminated double quote: the quote at character 6 is never closed"));
  }

  @Test
  void runNameMustFitAJobsPodLabel() {
    String name = "r".repeat(64);

    assertThat(RunValidator.validate(run("{metadata: {name: " + name + "}}"), JOB)).containsExactly(new Problem(
        "metadata.name", "must be at most 63 characters, not 64: the run's Job takes its name,"
            + " and Kubernetes puts it in a label of the Job's pods"));
  }

  @Test
  void schemaRulesOfRunsApply() {
    assertThat(RunValidator.validate(run("{spec: {jobname: db-migrate, runtimeEnvironment: {9LIVES: 'x'}}}"), JOB))
        .containsExactly(
            new Problem("spec.jobname", "unknown field; did you mean jobName?"),
            new Problem("spec.runtimeEnvironment", "runtimeEnvironment names must be letters, digits, '_', '-'"
                + " or '.', not start with a digit, and be at most 253 characters"));
  }

  @Test
  void runWithoutSpecIsReported() {
    assertThat(RunValidator.validate(run("{spec: null}"), JOB)).containsExactly(new Problem("spec", "required"));
  }
}
