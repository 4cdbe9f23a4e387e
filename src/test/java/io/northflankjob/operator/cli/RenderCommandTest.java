package io.northflankjob.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  private static final String CRON_JOB = """
      apiVersion: northflank.com/v1alpha1
      kind: NorthflankJob
      metadata:
        name: nightly-report
        namespace: reports
      spec:
        name: Nightly report
        jobType: cron
        suspended: true
        deployment:
          external: {imagePath: "busybox:1.36", credentials: registry-creds}
          docker: {configType: customCommand, customCommand: "sh -c 'echo report'"}
        billing: {deploymentPlan: nf-compute-100-2}
        settings:
          cron: {schedule: "30 8 * * 1-5", concurrencyPolicy: Forbid}
          backoffLimit: 2
          activeDeadlineSeconds: 900
        runtimeEnvironment: {FORMAT: pdf}
      """;

  @TempDir
  Path dir;

  private record Result(int exitCode, String out, String err) {

    List<JsonNode> documents() throws IOException {
      List<JsonNode> documents = new ArrayList<>();
      new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(out).forEachRemaining(documents::add);
      return documents;
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  /** Runs {@code args} as the jar would; render needs no cluster. */
  private static Result run(String... args) {
    ClusterCommands.Result result = ClusterCommands.run(ClusterOptions::kubeconfigClient, args);
    return new Result(result.exitCode(), result.out(), result.err());
  }

  private static BigDecimal quantity(JsonNode object, String pointer) {
    return Quantity.getAmountInBytes(new Quantity(object.at(pointer).asText()));
  }

  private Path file(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void cronJobRendersAsItsCronJobWithItsSettings() throws IOException {
    Path job = file("job.yaml", CRON_JOB);

    Result result = run("render", "-f", job.toString(), "--request-modifier", "0.5");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).startsWith("---\n# CronJob of cron job nightly-report, from " + job + ":1 NorthflankJob/nightly-report\n");
    JsonNode cronJob = result.documents().get(0);
    assertThat(result.documents()).hasSize(1);
    assertThat(cronJob.path("kind").asText()).isEqualTo("CronJob");
    assertThat(cronJob.at("/metadata/name").asText()).isEqualTo("nightly-report");
    assertThat(cronJob.at("/metadata/namespace").asText()).isEqualTo("reports");
    assertThat(cronJob.at("/spec/schedule").asText()).isEqualTo("30 8 * * 1-5");
    assertThat(cronJob.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
    assertThat(cronJob.at("/spec/suspend").asBoolean()).isTrue();
    JsonNode jobSpec = cronJob.at("/spec/jobTemplate/spec");
    assertThat(jobSpec.path("backoffLimit").asInt()).isEqualTo(2);
    assertThat(jobSpec.path("activeDeadlineSeconds").asInt()).isEqualTo(900);
    JsonNode pod = jobSpec.at("/template/spec");
    assertThat(pod.at("/imagePullSecrets/0/name").asText()).isEqualTo("registry-creds");
    JsonNode container = pod.at("/containers/0");
    assertThat(container.path("image").asText()).isEqualTo("busybox:1.36");
    assertThat(container.path("args")).extracting(JsonNode::asText).containsExactly("sh", "-c", "echo report");
    assertThat(container.at("/env/0/name").asText()).isEqualTo("FORMAT");
    // nf-compute-100-2 is 1 vCPU and 2048 MB; requests are the limits times the request modifier.
    assertThat(quantity(container, "/resources/limits/cpu")).isEqualByComparingTo("1");
    assertThat(quantity(container, "/resources/limits/memory")).isEqualByComparingTo("2147483648");
    assertThat(quantity(container, "/resources/requests/cpu")).isEqualByComparingTo("0.5");
    assertThat(quantity(container, "/resources/requests/memory")).isEqualByComparingTo("1073741824");
  }

  @Test
  void invalidManifestExitsTwoNamingEachFieldAndPrintsNothing() throws IOException {
    Path job = file("job.yaml", CRON_JOB.replace("30 8 * * 1-5", "61 8 * * *").replace("nf-compute-100-2", "nf-compute-3"));

    Result result = run("render", "-f", job.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).hasSize(2);
    assertThat(result.errLines().get(0)).startsWith(job + ":1 NorthflankJob/nightly-report: spec.billing.deploymentPlan: \"nf-compute-3\" is not a plan; use one of nf-compute-10, ");
    assertThat(result.errLines().get(1)).isEqualTo(job + ":1 NorthflankJob/nightly-report: spec.settings.cron.schedule:"
        + " \"61 8 * * *\" is not a valid cron schedule: minute must be 0-59; use five fields (minute hour"
        + " day-of-month month day-of-week) or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");
  }

  @Test
  void everyProblemOfEveryDocumentIsReported() throws IOException {
    Path jobs = file("jobs.yaml", CRON_JOB.replace("jobType: cron", "jobType: hourly")
        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
        + "---\n" + CRON_JOB.replace("nightly-report", "weekly-report").replace("busybox:1.36", "")
            .replace("backoffLimit: 2", "backoffLimit: -1"));

    Result result = run("render", "-f", jobs.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly(
        jobs + ":1 NorthflankJob/nightly-report: spec.jobType: \"hourly\" is not allowed; must be one of cron, manual",
        jobs + ":2 ConfigMap/settings: skipped: render reads NorthflankJob and NorthflankJobRun",
        jobs + ":3 NorthflankJob/weekly-report: spec.deployment.external.imagePath: must not be empty",
        jobs + ":3 NorthflankJob/weekly-report: spec.settings.backoffLimit: must be at least 0, not -1");
  }

  @Test
  void standardInputIsReadForDash() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(CRON_JOB.getBytes(StandardCharsets.UTF_8)));
      Result result = run("render", "-f", "-");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).contains("# CronJob of cron job nightly-report, from <stdin>:1 NorthflankJob/nightly-report");
      assertThat(result.out()).contains("kind: \"CronJob\"");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void invalidStandardInputIsReportedAsStdin() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(CRON_JOB.replace("busybox:1.36", "busy box").getBytes(StandardCharsets.UTF_8)));
      Result result = run("render", "-f", "-");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.errLines()).containsExactly("<stdin>:1 NorthflankJob/nightly-report:"
          + " spec.deployment.external.imagePath: \"busy box\" must not contain whitespace");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void manualJobWithoutRunRendersTheJobOfASyntheticRun() throws IOException {
    Result result = run("render", "-f", "examples/manual-job.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("# Job that a NorthflankJobRun named db-migrate-run of manual job db-migrate"
        + " would create (no run of it is in the input)");
    assertThat(result.documents()).singleElement().satisfies(job -> {
      assertThat(job.path("kind").asText()).isEqualTo("Job");
      assertThat(job.at("/metadata/name").asText()).isEqualTo("db-migrate-run");
      assertThat(job.at("/metadata/labels/northflank.com~1run").asText()).isEqualTo("db-migrate-run");
    });
  }

  @Test
  void syntheticRunOfAJobWithALongNameIsCutToAJobName() throws IOException {
    // 62 characters; "-run" is added to the first 59, less the dot they end with.
    String name = "m".repeat(58) + ".xyz";
    Path job = file("job.yaml", CRON_JOB.replace("nightly-report", name)
        .replace("jobType: cron", "jobType: manual").replace("suspended: true", "suspended: false"));

    Result result = run("render", "-f", job.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.documents()).singleElement().satisfies(rendered -> assertThat(rendered.at("/metadata/name").asText())
        .isEqualTo("m".repeat(58) + "-run"));
  }

  @Test
  void runsInTheInputRenderAsTheirJobs() throws IOException {
    Result result = run("render", "-f", "examples/run.yaml", "-f", "examples/manual-job.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.documents()).singleElement().satisfies(job -> {
      assertThat(job.at("/metadata/name").asText()).isEqualTo("db-migrate-001");
      assertThat(job.at("/spec/template/spec/containers/0/env").toString()).contains("DRY_RUN");
    });
  }

  @Test
  void runWhoseJobIsNotInTheInputIsSkippedWithAWarning() {
    Result result = run("render", "-f", "examples/run.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly(
        "examples/run.yaml:1 NorthflankJobRun/db-migrate-001: skipped: its job db-migrate is not in the input");
  }

  @Test
  void malformedYamlExitsTwoNamingTheDocument() throws IOException {
    Path broken = file("broken.yaml", CRON_JOB + "---\nkind: [unclosed\n");

    Result result = run("render", "-f", broken.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly(broken + ":2: not valid YAML: line 21, column 1:"
        + " while parsing a flow sequence, expected ',' or ']', but got <stream end>");
  }

  @Test
  void missingFileExitsOne() {
    Result result = run("render", "-f", dir.resolve("absent.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(dir.resolve("absent.yaml") + ": cannot read: no such file\n");
  }

  @Test
  void requestModifierOutOfRangeIsAUsageError() throws IOException {
    Result result = run("render", "-f", file("job.yaml", CRON_JOB).toString(), "--request-modifier", "1.5");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines().get(0))
        .isEqualTo("--request-modifier (or NF_REQUEST_MODIFIER): request modifier must be greater than 0 and at most 1, was 1.5");
  }

  @Test
  void withoutFileRenderIsAUsageError() {
    Result result = run("render");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Missing required option: '--filename=FILE|-'");
  }

  @Test
  void topCommandWithoutSubcommandIsAUsageError() {
    Result result = run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Missing required subcommand");
  }
}
