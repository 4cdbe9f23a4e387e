package io.northflankjob.operator.reconciler;

import static io.northflankjob.operator.reconciler.MockOperator.NAMESPACE;
import static io.northflankjob.operator.reconciler.ReconcilerFixtures.cronJob;
import static io.northflankjob.operator.reconciler.ReconcilerFixtures.manualJob;
import static io.northflankjob.operator.reconciler.ReconcilerFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.status.Conditions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NorthflankJobRun reconcile flow against the mock server (see {@link MockOperator}). */
@EnableKubernetesMockClient(crud = true)
class NorthflankJobRunReconcilerTest {

  private static final String JOBS = "/apis/batch/v1/namespaces/" + NAMESPACE + "/jobs";

  KubernetesMockServer server;
  KubernetesClient client;
  private MockOperator operator;

  @BeforeEach
  void startOperator() {
    operator = MockOperator.start(server, client);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void aRunGetsOneJobAndFollowsIt() {
    NorthflankJob job = client.resource(manualJob("migrate")).create();
    NorthflankJobRun run = client.resource(run("migrate-001", "migrate")).create();

    Job created = awaitJob("migrate-001");
    assertThat(created.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(run.getMetadata().getUid()));
    assertThat(created.getMetadata().getLabels())
        .containsEntry("northflank.com/job", "migrate")
        .containsEntry("northflank.com/run", "migrate-001");
    awaitReady("migrate-001", "Started");
    NorthflankJobRun started = stored("migrate-001").get();
    assertThat(started.getStatus().runName).isEqualTo("migrate-001");
    assertThat(started.getStatus().status).isEqualTo(RunStatus.RUNNING);
    assertThat(started.getStatus().active).isEqualTo(1);
    assertThat(started.getStatus().backoffLimit).isEqualTo(1);
    // Deleting the job deletes its runs: the run is owned by it.
    assertThat(started.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid());
      assertThat(owner.getKind()).isEqualTo("NorthflankJob");
    });

    complete("migrate-001", "Complete", null);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      NorthflankJobRun done = stored("migrate-001").get();
      assertThat(done.getStatus().status).isEqualTo(RunStatus.SUCCESS);
      assertThat(done.getStatus().concluded).isTrue();
      assertThat(done.getStatus().succeeded).isEqualTo(1);
    });
    // (A JobNotFound may come first: the run can be seen before its job.)
    await().untilAsserted(() -> assertThat(operator.eventReasons(run))
        .containsSubsequence("Created", "RunSucceeded")
        .doesNotHaveDuplicates());
    // The job sees the run too, as its last run.
    await().untilAsserted(() -> {
      NorthflankJob withRun = client.resource(job).get();
      assertThat(withRun.getStatus().lastRun.runName).isEqualTo("migrate-001");
      assertThat(withRun.getStatus().lastRun.status).isEqualTo(RunStatus.SUCCESS);
    });
    await().untilAsserted(() -> assertThat(operator.eventReasons(job)).contains("RunSucceeded"));
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).hasSize(1);
  }

  @Test
  void eachRunIsCountedOnceWhicheverControllerSeesIt() {
    NorthflankJob job = client.resource(cronJob("counted", "0 3 * * *")).create();
    NorthflankJobRun run = client.resource(run("counted-by-hand", "counted")).create();
    // Generous waits: the first reconciles of a fresh operator can be slow on a busy machine.
    await().atMost(Duration.ofSeconds(60)).until(() -> operator.runs("started") == 1);
    complete("counted-by-hand", "Complete", null);
    // A Job as the CronJob makes one, started after the run by hand, as the Job controller records.
    client.resource(new JobBuilder()
        .withNewMetadata().withName("counted-28595520").withNamespace(NAMESPACE)
          .addToLabels("app.kubernetes.io/managed-by", "northflank-job-operator")
          .addToLabels("northflank.com/job", "counted")
        .endMetadata()
        .withNewSpec().withBackoffLimit(1).endSpec()
        .withNewStatus().withStartTime("2024-05-01T11:00:00Z").withActive(1).endStatus()
        .build()).create();
    await().atMost(Duration.ofSeconds(60)).until(() -> operator.runs("started") == 2);
    complete("counted-28595520", "Failed", "DeadlineExceeded");

    // Both controllers have seen both runs conclude.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(stored("counted-by-hand").get().getStatus().status).isEqualTo(RunStatus.SUCCESS);
      NorthflankJob seen = client.resource(job).get();
      assertThat(seen.getStatus().lastRun).isNotNull();
      assertThat(seen.getStatus().activeRuns).isEmpty();
    });
    // More reconciles of both change nothing; an edit of the run's Job wakes both up.
    int jobReconciles = operator.reconciles(job);
    int runReconciles = operator.reconciles(run);
    client.batch().v1().jobs().inNamespace(NAMESPACE).withName("counted-by-hand").edit(j -> {
      j.getMetadata().getAnnotations().put("example.com/note", "hello");
      return j;
    });
    operator.awaitReconcileAfter(job, jobReconciles);
    operator.awaitReconcileAfter(run, runReconciles);

    assertThat(List.of(operator.runs("started"), operator.runs("succeeded"), operator.runs("failed")))
        .containsExactly(2.0, 1.0, 1.0);
  }

  @Test
  void aSteadyRunMakesNoWrites() throws InterruptedException {
    client.resource(manualJob("calm")).create();
    NorthflankJobRun run = client.resource(run("calm-001", "calm")).create();
    awaitJob("calm-001");
    awaitReady("calm-001", "Started");
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    operator.takeRequests();
    int before = operator.reconciles(run);

    client.batch().v1().jobs().inNamespace(NAMESPACE).withName("calm-001").edit(j -> {
      j.getMetadata().getAnnotations().put("example.com/note", "hello");
      return j;
    });
    operator.awaitReconcileAfter(run, before);

    assertThat(operator.takeRequests())
        .filteredOn(r -> !r.getMethod().equals("GET"))
        .singleElement()
        .satisfies(r -> assertThat(r.getPath()).isEqualTo(JOBS + "/calm-001"));
  }

  @Test
  void aFailedRunReportsKubernetesReason() {
    client.resource(manualJob("report")).create();
    NorthflankJobRun run = client.resource(run("report-001", "report")).create();
    awaitJob("report-001");

    complete("report-001", "Failed", "BackoffLimitExceeded");

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      NorthflankJobRun done = stored("report-001").get();
      assertThat(done.getStatus().status).isEqualTo(RunStatus.FAILED);
      assertThat(done.getStatus().reason).isEqualTo("BackoffLimitExceeded");
      assertThat(done.getStatus().failed).isEqualTo(1);
    });
    await().untilAsserted(() -> assertThat(operator.events(run))
        .filteredOn(e -> e.getReason().equals("RunFailed")).singleElement()
        .satisfies(e -> assertThat(e.getMessage())
            .isEqualTo("Run report-001 failed: BackoffLimitExceeded")));
  }

  @Test
  void aRunWaitsForItsJob() {
    client.resource(run("early-001", "early")).create();

    Condition waiting = awaitReady("early-001", "JobNotFound");
    assertThat(waiting.getStatus()).isEqualTo("False");
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("early-001").get()).isNull();

    client.resource(manualJob("early")).create();

    awaitJob("early-001");
    awaitReady("early-001", "Started");
  }

  @Test
  void aRunStartsOnceItsJobCanRunIt() {
    NorthflankJob imageless = manualJob("later");
    imageless.getSpec().deployment.external = null;
    client.resource(imageless).create();
    client.resource(run("later-001", "later")).create();

    Condition invalid = awaitReady("later-001", "InvalidSpec");
    assertThat(invalid.getMessage()).contains("spec.deployment.external.imagePath");

    // Nothing of the run changes: the operator tries it again until the job can run it.
    client.resources(NorthflankJob.class).inNamespace(NAMESPACE).withName("later").edit(j -> {
      j.getSpec().deployment.external = manualJob("later").getSpec().deployment.external;
      return j;
    });

    awaitJob("later-001");
    awaitReady("later-001", "Started");
  }

  @Test
  void aRunOfACronJobIsAOneOffRun() {
    client.resource(cronJob("nightly", "0 3 * * *")).create();
    client.resource(run("nightly-by-hand", "nightly")).create();

    awaitJob("nightly-by-hand");
    awaitReady("nightly-by-hand", "Started");
  }

  @Test
  void aFinishedRunIsNeverStartedAgain() {
    client.resource(manualJob("once")).create();
    NorthflankJobRun run = client.resource(run("once-001", "once")).create();
    awaitJob("once-001");
    complete("once-001", "Complete", null);
    await().atMost(Duration.ofSeconds(60)).until(
        () -> stored("once-001").get().getStatus().status == RunStatus.SUCCESS);

    // As a TTL controller or a person would.
    int before = operator.reconciles(run);
    client.batch().v1().jobs().inNamespace(NAMESPACE).withName("once-001").delete();
    operator.awaitReconcileAfter(run, before);

    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("once-001").get()).isNull();
    assertThat(stored("once-001").get().getStatus().status).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void anInvalidOverrideStartsNothing() {
    client.resource(manualJob("picky")).create();
    NorthflankJobRun invalid = run("picky-001", "picky");
    invalid.getSpec().billing = new Billing();
    invalid.getSpec().billing.deploymentPlan = "nf-compute-nope";
    NorthflankJobRun run = client.resource(invalid).create();

    Condition ready = awaitReady("picky-001", "InvalidSpec");
    assertThat(ready.getMessage()).contains("spec.billing.deploymentPlan");
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("picky-001").get()).isNull();
    await().untilAsserted(() -> assertThat(operator.eventReasons(run))
        .filteredOn("InvalidSpec"::equals).hasSize(1));
  }

  @Test
  void aConflictOnCreateMeansTheJobIsThere() {
    // The run's Job exists but is not (yet) in the operator's cache: here, because it lacks the
    // label the informer selects by.
    NorthflankJobRun run = client.resource(run("adopt-001", "adopt")).create();
    awaitReady("adopt-001", "JobNotFound");
    client.resource(new JobBuilder()
        .withNewMetadata().withName("adopt-001").withNamespace(NAMESPACE)
          .addNewOwnerReference()
            .withApiVersion(run.getApiVersion()).withKind(run.getKind())
            .withName("adopt-001").withUid(run.getMetadata().getUid()).withController(true)
          .endOwnerReference()
        .endMetadata()
        .withNewSpec().withBackoffLimit(1).endSpec()
        .build()).create();

    client.resource(manualJob("adopt")).create();

    awaitReady("adopt-001", "Started");
    assertThat(stored("adopt-001").get().getStatus().runName).isEqualTo("adopt-001");
  }

  @Test
  void aJobOfTheSameNameThatIsNotTheRunsIsAnError() {
    client.resource(new JobBuilder()
        .withNewMetadata().withName("clash-001").withNamespace(NAMESPACE).endMetadata()
        .withNewSpec().withBackoffLimit(1).endSpec()
        .build()).create();
    client.resource(manualJob("clash")).create();
    client.resource(run("clash-001", "clash")).create();

    Condition ready = awaitReady("clash-001", "ReconcileError");
    assertThat(ready.getMessage()).isEqualTo("Job clash-001 exists and does not belong to this run");
  }

  @Test
  void aConflictFromTheServerIsRetried() {
    server.expect().post().withPath(JOBS)
        .andReturn(409, new io.fabric8.kubernetes.api.model.StatusBuilder()
            .withStatus("Failure").withCode(409).withReason("AlreadyExists")
            .withMessage("jobs.batch \"retry-001\" already exists").build())
        .once();
    client.resource(manualJob("retry")).create();
    client.resource(run("retry-001", "retry")).create();

    awaitJob("retry-001");
    awaitReady("retry-001", "Started");
  }

  private Resource<NorthflankJobRun> stored(String name) {
    return client.resources(NorthflankJobRun.class).inNamespace(NAMESPACE).withName(name);
  }

  private Job awaitJob(String name) {
    return await().atMost(Duration.ofSeconds(60)).until(
        () -> client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get(),
        j -> j != null);
  }

  /** Sets a Job's outcome, as the Job controller would. */
  private void complete(String name, String type, String reason) {
    client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).editStatus(j -> {
      if (j.getStatus() == null) {
        j.setStatus(new JobStatus());
      }
      j.getStatus().setStartTime("2024-05-01T10:00:00Z");
      j.getStatus().setActive(0);
      j.getStatus().getConditions().add(new JobConditionBuilder()
          .withType(type).withStatus("True").withReason(reason)
          .withLastTransitionTime("2024-05-01T10:05:00Z").build());
      return j;
    });
  }

  private Condition awaitReady(String name, String reason) {
    return await().atMost(Duration.ofSeconds(15)).until(
        () -> {
          NorthflankJobRun run = stored(name).get();
          return run == null || run.getStatus() == null
              ? null
              : Conditions.find(run.getStatus().conditions, "Ready").orElse(null);
        },
        c -> c != null && reason.equals(c.getReason()));
  }
}
