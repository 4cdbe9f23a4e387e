package io.northflankjob.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.it.ApiServer.CommandResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a platform engineer sees with the real kubectl: printer columns, category, explain. */
class KubectlIT {

  @RegisterExtension
  static final ApiServer API_SERVER = new ApiServer();

  private static final String NAMESPACE = "kubectl";

  @BeforeAll
  static void createJobsAndRun() {
    API_SERVER.createNamespace(NAMESPACE);
    var jobs = API_SERVER.client().resources(NorthflankJob.class).inNamespace(NAMESPACE);

    NorthflankJob nightly = job("nightly");
    jobs.resource(nightly).create();
    NorthflankJob withStatus = jobs.withName("nightly").get();
    withStatus.setStatus(new NorthflankJobStatus());
    withStatus.getStatus().conditions.add(new ConditionBuilder().withType("Ready").withStatus("True")
        .withReason("Reconciled").withMessage("CronJob nightly is up to date")
        .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build());
    withStatus.getStatus().lastRun = new RunSummary();
    withStatus.getStatus().lastRun.runName = "nightly-29100000";
    withStatus.getStatus().lastRun.status = RunStatus.SUCCESS;
    jobs.resource(withStatus).updateStatus();

    NorthflankJob adhoc = job("adhoc");
    adhoc.getSpec().jobType = NorthflankJobSpec.JobType.MANUAL;
    adhoc.getSpec().settings.cron = null;
    jobs.resource(adhoc).create();

    var runs = API_SERVER.client().resources(NorthflankJobRun.class).inNamespace(NAMESPACE);
    NorthflankJobRun run = new NorthflankJobRun();
    run.getMetadata().setName("adhoc-1");
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = "adhoc";
    runs.resource(run).create();
    NorthflankJobRun runWithStatus = runs.withName("adhoc-1").get();
    runWithStatus.setStatus(new NorthflankJobRunStatus());
    runWithStatus.getStatus().status = RunStatus.RUNNING;
    runWithStatus.getStatus().startedAt = Instant.now().minus(30, ChronoUnit.HOURS).toString();
    runs.resource(runWithStatus).updateStatus();
  }

  @Test
  void getNfjobShowsTypeScheduleSuspendedReadyAndLastRun() {
    Table table = Table.parse(kubectl("get", "nfjob", "-n", NAMESPACE));

    assertThat(table.columns()).contains("NAME", "TYPE", "SCHEDULE", "SUSPENDED", "READY", "LAST RUN", "AGE");
    Map<String, String> nightly = table.row("nightly");
    assertThat(nightly).containsEntry("TYPE", "cron")
        .containsEntry("SCHEDULE", "30 8 * * *")
        .containsEntry("SUSPENDED", "false")
        .containsEntry("READY", "True")
        .containsEntry("LAST RUN", "SUCCESS");
    assertThat(nightly.get("AGE")).as("a fresh object's age").matches("\\d+(s|m\\d*s?)");
    // kubectl leaves the cell empty where the column's field is absent.
    assertThat(table.row("adhoc")).containsEntry("TYPE", "manual")
        .containsEntry("SCHEDULE", "")
        .containsEntry("SUSPENDED", "false")
        .containsEntry("READY", "")
        .containsEntry("LAST RUN", "");
  }

  @Test
  void getNfrunShowsJobStatusAndTimes() {
    Table table = Table.parse(kubectl("get", "nfrun", "-n", NAMESPACE));

    assertThat(table.columns()).contains("NAME", "JOB", "STATUS", "STARTED", "CONCLUDED", "AGE");
    assertThat(table.row("adhoc-1")).containsEntry("JOB", "adhoc")
        .containsEntry("STATUS", "RUNNING")
        .containsEntry("STARTED", "30h")
        .containsEntry("CONCLUDED", "");
  }

  /** kubectl's convention, and the order the columns are declared in: AGE comes last. */
  @Test
  void columnsComeInTheirDeclaredOrderWithAgeLast() {
    assertThat(Table.parse(kubectl("get", "nfjob", "-n", NAMESPACE)).columns())
        .containsExactly("NAME", "TYPE", "SCHEDULE", "SUSPENDED", "READY", "LAST RUN", "AGE");
    assertThat(Table.parse(kubectl("get", "nfrun", "-n", NAMESPACE)).columns())
        .containsExactly("NAME", "JOB", "STATUS", "STARTED", "CONCLUDED", "AGE");
  }

  @Test
  void theNorthflankCategoryListsJobsAndRuns() {
    String out = kubectl("get", "northflank", "-n", NAMESPACE);

    assertThat(out).contains("northflankjob.northflank.com/nightly", "northflankjob.northflank.com/adhoc",
        "northflankjobrun.northflank.com/adhoc-1");
  }

  @Test
  void explainReadsLikeNorthflanksPage() {
    String concurrencyPolicy = oneLine(kubectl("explain", "nfjob.spec.settings.cron.concurrencyPolicy"));
    assertThat(concurrencyPolicy)
        .contains("GROUP: northflank.com", "KIND: NorthflankJob", "VERSION: v1alpha1")
        .contains("FIELD: concurrencyPolicy <string>")
        .contains("Whether this job should run when another instance of the job is already running.")
        .contains("ENUM: Allow Forbid Replace");

    String settings = oneLine(kubectl("explain", "nfjob.spec.settings"));
    assertThat(settings).contains("Job settings")
        .contains("backoffLimit <integer> -required-")
        .contains("The number of attempts to rerun a job before it is marked as failed.");
  }

  private static String kubectl(String... args) {
    CommandResult result = API_SERVER.kubectl(args);
    assertThat(result.exitCode()).as("kubectl %s: %s", String.join(" ", args), result.stderr()).isZero();
    return result.stdout();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static NorthflankJob job(String name) {
    NorthflankJob job = Manifest.load("it/minimal-cron-job.yaml").as(NorthflankJob.class);
    job.getMetadata().setName(name);
    return job;
  }

  /** A table as kubectl prints it: columns start where their headers start. */
  record Table(List<String> columns, List<Map<String, String>> rows) {

    static Table parse(String out) {
      List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
      assertThat(lines).as("a header and rows in:\n%s", out).hasSizeGreaterThan(1);
      String header = lines.get(0);
      // Columns are at least three spaces apart; a header may hold one space ("LAST RUN").
      List<String> columns = List.of(header.trim().split(" {2,}"));
      List<Integer> starts = new ArrayList<>();
      int from = 0;
      for (String column : columns) {
        from = header.indexOf(column, from);
        starts.add(from);
        from += column.length();
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          int start = Math.min(starts.get(i), line.length());
          int end = i + 1 < columns.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
          row.put(columns.get(i), line.substring(start, end).trim());
        }
        rows.add(row);
      }
      return new Table(columns, rows);
    }

    Map<String, String> row(String name) {
      return rows.stream().filter(row -> name.equals(row.get("NAME"))).findFirst()
          .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
    }
  }
}
