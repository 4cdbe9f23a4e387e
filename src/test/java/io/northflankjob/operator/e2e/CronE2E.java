package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.northflankjob.operator.api.v1alpha1.Deployment;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.RunSummary;
import io.northflankjob.operator.api.v1alpha1.Settings.Cron.ConcurrencyPolicy;
import io.northflankjob.operator.status.IsoTime;
import io.northflankjob.operator.status.Reasons;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cron jobs on a real cluster, where the CronJob controller starts the runs. Every job here runs
 * each minute; they are all created before any test waits, so the minutes are waited for once.
 */
@ExtendWith(LocalClusterExtension.class)
class CronE2E {

  private static final String EVERY_MINUTE = "* * * * *";
  /**
   * Long enough for the CronJob to be made, the next minute to start and its run to be reported,
   * also on a busy machine.
   */
  private static final Duration FIRST_RUN = Duration.ofSeconds(150);

  private static InJvmOperator operator;
  private static Namespace namespace;

  @BeforeAll
  static void createJobs(LocalCluster cluster) {
    cluster.createNamespace("e2e-cron", Map.of());
    operator = InJvmOperator.start(cluster.newClient(), "e2e-cron");
    namespace = new Namespace(operator.client(), "e2e-cron");
    String ns = namespace.name();
    // Amounts the API server stores in another form (1000m as 1, 2048Mi as 2Gi, 1024Mi as 1Gi)
    // and an empty value it leaves out: the operator must still see its CronJob as unchanged.
    NorthflankJob everyMinute = TestJobs.cron(ns, "every-minute", EVERY_MINUTE, ConcurrencyPolicy.Allow);
    everyMinute.getSpec().billing.deploymentPlan = "nf-compute-100-2";
    everyMinute.getSpec().deployment.storage = new Deployment.Storage();
    everyMinute.getSpec().deployment.storage.ephemeralStorage = new Deployment.EphemeralStorage();
    everyMinute.getSpec().deployment.storage.ephemeralStorage.storageSize = BigDecimal.valueOf(1024);
    everyMinute.getSpec().runtimeEnvironment = Map.of("MODE", "scheduled", "EMPTY", "");
    namespace.create(everyMinute);
    namespace.create(TestJobs.tagged(
        TestJobs.cron(ns, "forbid-overlap", EVERY_MINUTE, ConcurrencyPolicy.Forbid), TestJobs.HANG));
    namespace.create(TestJobs.cron(ns, "to-suspend", EVERY_MINUTE, ConcurrencyPolicy.Allow));
    namespace.create(TestJobs.cron(ns, "to-delete", EVERY_MINUTE, ConcurrencyPolicy.Allow));
    NorthflankJob suspended = TestJobs.cron(ns, "born-suspended", EVERY_MINUTE, ConcurrencyPolicy.Allow);
    suspended.getSpec().suspended = true;
    namespace.create(suspended);
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void scheduledRunSucceedsAndShowsInTheJobStatus() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(Namespace.ready(namespace.job("every-minute"))).hasValueSatisfying(ready -> {
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getReason()).isEqualTo(Reasons.SCHEDULED);
      });
      assertThat(namespace.cronJob("every-minute")).hasValueSatisfying(cronJob ->
          assertThat(cronJob.getSpec().getSchedule()).isEqualTo(EVERY_MINUTE));
    });

    RunSummary lastRun = await().atMost(FIRST_RUN).until(
        () -> lastRun("every-minute"), run -> run != null && run.status == RunStatus.SUCCESS);

    assertThat(lastRun.startedAt).isNotNull();
    assertThat(lastRun.concludedAt).isNotNull();
    assertThat(IsoTime.parse(lastRun.concludedAt)).isAfterOrEqualTo(IsoTime.parse(lastRun.startedAt));
    assertThat(namespace.job("every-minute").getStatus().lastScheduleTime).isNotNull();
    // The run is a Job that the CronJob controller made from the CronJob, and its pod completed.
    Job job = namespace.jobsOf("every-minute").stream()
        .filter(j -> j.getMetadata().getName().equals(lastRun.runName))
        .findFirst().orElseThrow();
    assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("CronJob");
      assertThat(owner.getName()).isEqualTo("every-minute");
    });
    assertThat(namespace.podsOf("every-minute"))
        .filteredOn(pod -> pod.getMetadata().getLabels().get("job-name").equals(lastRun.runName))
        .extracting(pod -> pod.getStatus().getPhase()).containsExactly("Succeeded");
    // The run changed the CronJob's status several times; none of it made the operator apply
    // the CronJob again, as its spec did not change.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(namespace.eventsAbout("NorthflankJob", "every-minute")).extracting(Event::getReason)
            .contains("Created", "RunSucceeded").doesNotContain("Updated"));
  }

  @Test
  void forbidSkipsScheduledRunsWhileOneIsActive() {
    Job first = await().atMost(FIRST_RUN).until(
        () -> namespace.jobsOf("forbid-overlap"), jobs -> !jobs.isEmpty()).get(0);

    // Two more minutes: two schedules that find the first run still running and are skipped.
    await().during(Duration.ofSeconds(125)).atMost(Duration.ofSeconds(135)).untilAsserted(() ->
        assertThat(namespace.jobsOf("forbid-overlap")).extracting(j -> j.getMetadata().getName())
            .containsExactly(first.getMetadata().getName()));

    NorthflankJob job = namespace.job("forbid-overlap");
    assertThat(job.getStatus().activeRuns).containsExactly(first.getMetadata().getName());
    assertThat(job.getStatus().lastRun.status).isEqualTo(RunStatus.RUNNING);
    assertThat(namespace.podsOf("forbid-overlap")).extracting(pod -> pod.getStatus().getPhase())
        .containsExactly("Running");
  }

  @Test
  void suspendingStopsNewRuns() {
    await().atMost(FIRST_RUN).until(() -> namespace.jobsOf("to-suspend"), jobs -> !jobs.isEmpty());

    // As a user would: a merge patch of the one field, whatever the operator wrote meanwhile.
    namespace.client().resources(NorthflankJob.class).inNamespace(namespace.name())
        .withName("to-suspend")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspended\":true}}");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(namespace.cronJob("to-suspend")).map(CronJob::getSpec)
          .hasValueSatisfying(spec -> assertThat(spec.getSuspend()).isTrue());
      assertThat(Namespace.ready(namespace.job("to-suspend"))).hasValueSatisfying(ready -> {
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getReason()).isEqualTo(Reasons.SUSPENDED);
      });
    });
    List<String> before = names(namespace.jobsOf("to-suspend"));

    // More than a minute: a schedule passes and starts nothing.
    await().during(Duration.ofSeconds(70)).atMost(Duration.ofSeconds(80)).untilAsserted(() ->
        assertThat(names(namespace.jobsOf("to-suspend"))).containsExactlyInAnyOrderElementsOf(before));
  }

  @Test
  void aJobCreatedSuspendedStartsNoRun() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(namespace.cronJob("born-suspended")).map(CronJob::getSpec)
            .hasValueSatisfying(spec -> assertThat(spec.getSuspend()).isTrue()));

    // More than a minute with a schedule of every minute.
    await().during(Duration.ofSeconds(70)).atMost(Duration.ofSeconds(80)).untilAsserted(() ->
        assertThat(namespace.jobsOf("born-suspended")).isEmpty());
    assertThat(namespace.job("born-suspended").getStatus().lastRun).isNull();
  }

  @Test
  void deletingJobCollectsCronJobRunsJobsAndPods() {
    await().atMost(FIRST_RUN).until(() -> lastRun("to-delete"),
        run -> run != null && run.status == RunStatus.SUCCESS);
    namespace.create(TestJobs.run(namespace.name(), "to-delete-by-hand", "to-delete"));
    await().atMost(Duration.ofSeconds(60)).until(() -> namespace.run("to-delete-by-hand"),
        run -> run != null && run.getStatus() != null && run.getStatus().status == RunStatus.SUCCESS);
    assertThat(namespace.jobsOf("to-delete")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(namespace.podsOf("to-delete")).hasSizeGreaterThanOrEqualTo(2);

    namespace.client().resources(NorthflankJob.class).inNamespace(namespace.name())
        .withName("to-delete").delete();

    // Nothing but ownerReferences ties them to the job: the garbage collector removes them.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(namespace.job("to-delete")).isNull();
      assertThat(namespace.cronJob("to-delete")).isEmpty();
      assertThat(namespace.run("to-delete-by-hand")).isNull();
      assertThat(namespace.jobsOf("to-delete")).isEmpty();
      assertThat(namespace.podsOf("to-delete")).isEmpty();
    });
    assertThat(namespace.client().resources(NorthflankJobRun.class).inNamespace(namespace.name())
        .list().getItems()).extracting(run -> run.getSpec().jobName).doesNotContain("to-delete");
  }

  private static RunSummary lastRun(String jobName) {
    NorthflankJob job = namespace.job(jobName);
    return job == null || job.getStatus() == null ? null : job.getStatus().lastRun;
  }

  private static List<String> names(List<Job> jobs) {
    return jobs.stream().map(j -> j.getMetadata().getName()).toList();
  }
}
