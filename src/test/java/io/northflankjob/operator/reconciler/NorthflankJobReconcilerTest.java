package io.northflankjob.operator.reconciler;

import static io.northflankjob.operator.reconciler.MockOperator.NAMESPACE;
import static io.northflankjob.operator.reconciler.ReconcilerFixtures.cronJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.status.Conditions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NorthflankJob reconcile flow against the mock server (see {@link MockOperator}). */
@EnableKubernetesMockClient(crud = true)
class NorthflankJobReconcilerTest {

  private static final String CRONJOBS = "/apis/batch/v1/namespaces/" + NAMESPACE + "/cronjobs";

  KubernetesMockServer server;
  KubernetesClient client;
  private MockOperator operator;

  @AfterEach
  void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void cronJobGetsItsCronJobAndAStatus() {
    start();
    NorthflankJob job = client.resource(cronJob("nightly", "0 3 * * *")).create();

    CronJob cron = awaitCronJob("nightly");
    assertThat(cron.getSpec().getSchedule()).isEqualTo("0 3 * * *");
    assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(cron.getSpec().getSuspend()).isFalse();
    assertThat(cron.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "northflank-job-operator")
        .containsEntry("northflank.com/job", "nightly");
    assertThat(cron.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();
    });
    assertThat(cron.getSpec().getJobTemplate().getMetadata().getLabels())
        .containsEntry("northflank.com/job", "nightly");

    Condition ready = awaitReady("nightly", "Scheduled");
    assertThat(ready.getStatus()).isEqualTo("True");
    NorthflankJob stored = job("nightly").get();
    assertThat(stored.getStatus().id).isEqualTo("nightly");
    assertThat(stored.getStatus().appId).isEqualTo("/example-user/test/nightly");
    assertThat(stored.getStatus().projectId).isEqualTo(NAMESPACE);
    assertThat(stored.getStatus().cluster.namespace).isEqualTo(NAMESPACE);
    assertThat(stored.getStatus().observedGeneration).isEqualTo(stored.getMetadata().getGeneration());
    await().untilAsserted(() -> assertThat(operator.eventReasons(stored)).containsExactly("Created"));
  }

  @Test
  void aSteadyJobMakesNoWrites() throws InterruptedException {
    start();
    NorthflankJob job = client.resource(cronJob("steady", "0 3 * * *")).create();
    awaitReady("steady", "Scheduled");
    // Let the status write's own event come back and be reconciled too.
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    operator.takeRequests();
    int before = operator.reconciles(job);

    // A change the operator does not manage still wakes it up.
    cronJobs().withName("steady").edit(c -> {
      c.getMetadata().getAnnotations().put("example.com/note", "hello");
      return c;
    });
    operator.awaitReconcileAfter(job, before);

    List<RecordedRequest> writes = operator.takeRequests().stream()
        .filter(r -> !r.getMethod().equals("GET"))
        .toList();
    // Only the test's own edit of the CronJob.
    assertThat(writes).singleElement().satisfies(r -> {
      assertThat(r.getMethod()).isEqualTo("PATCH");
      assertThat(r.getPath()).startsWith(CRONJOBS + "/steady");
    });
  }

  @Test
  void aHandEditOfAManagedFieldIsPutBack() {
    start();
    NorthflankJob job = client.resource(cronJob("edited", "0 3 * * *")).create();
    awaitReady("edited", "Scheduled");

    cronJobs().withName("edited").edit(c -> {
      c.getSpec().setSchedule("*/5 * * * *");
      return c;
    });

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
        cronJobs().withName("edited").get().getSpec().getSchedule()).isEqualTo("0 3 * * *"));
    await().untilAsserted(
        () -> assertThat(operator.eventReasons(job)).containsExactly("Created", "Updated"));
  }

  @Test
  void anInvalidSpecLeavesTheCronJobAsItWas() {
    start();
    NorthflankJob job = client.resource(cronJob("broken", "0 3 * * *")).create();
    awaitReady("broken", "Scheduled");
    CronJob before = cronJobs().withName("broken").get();

    job("broken").edit(j -> {
      j.getSpec().billing.deploymentPlan = "nf-compute-nope";
      j.getSpec().settings.cron.schedule = "0 4 * * *";
      return j;
    });

    Condition ready = awaitReady("broken", "InvalidSpec");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage()).contains("spec.billing.deploymentPlan");
    CronJob after = cronJobs().withName("broken").get();
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(after.getSpec().getSchedule()).isEqualTo("0 3 * * *");
    await().untilAsserted(() -> assertThat(operator.events(job))
        .filteredOn(e -> e.getReason().equals("InvalidSpec"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.getType()).isEqualTo("Warning");
          assertThat(e.getMessage()).contains("spec.billing.deploymentPlan");
        }));

    // Reconciling again changes nothing and repeats no event.
    int reconciles = operator.reconciles(job);
    cronJobs().withName("broken").edit(c -> {
      c.getMetadata().getAnnotations().put("example.com/poke", "1");
      return c;
    });
    operator.awaitReconcileAfter(job, reconciles);
    assertThat(operator.eventReasons(job)).filteredOn("InvalidSpec"::equals).hasSize(1);
  }

  @Test
  void switchingToManualRemovesTheCronJob() {
    start();
    NorthflankJob job = client.resource(cronJob("switch", "0 3 * * *")).create();
    awaitCronJob("switch");

    job("switch").edit(j -> {
      j.getSpec().jobType = JobType.MANUAL;
      j.getSpec().settings.cron = null;
      return j;
    });

    awaitReady("switch", "Manual");
    await().atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(cronJobs().withName("switch").get()).isNull());
    await().untilAsserted(
        () -> assertThat(operator.eventReasons(job)).containsExactly("Created", "Deleted"));
  }

  @Test
  void aConflictOnCreateIsRetried() {
    server.expect().post().withPath(CRONJOBS)
        .andReturn(409, status(409, "AlreadyExists", "cronjobs.batch \"clash\" already exists"))
        .once();
    start();
    client.resource(cronJob("clash", "0 3 * * *")).create();

    awaitReady("clash", "Scheduled");
    assertThat(cronJobs().withName("clash").get()).isNotNull();
  }

  @Test
  void aPassingServerErrorIsRetriedByTheClient() throws InterruptedException {
    server.expect().post().withPath(CRONJOBS)
        .andReturn(500, status(500, "InternalError", "etcd is having a bad day"))
        .once();
    start();
    NorthflankJob job = client.resource(cronJob("flaky", "0 3 * * *")).create();

    awaitReady("flaky", "Scheduled");
    assertThat(operator.takeRequests())
        .filteredOn(r -> r.getMethod().equals("POST") && r.getPath().equals(CRONJOBS))
        .hasSize(2);
    assertThat(operator.eventReasons(job)).containsExactly("Created");
  }

  @Test
  void aServerErrorReachingTheReconcilerIsReportedThenRetried() {
    server.expect().post().withPath(CRONJOBS)
        .andReturn(500, status(500, "InternalError", "etcd is having a bad day"))
        .once();
    // A client that does not retry by itself, so the error reaches the reconciler at once.
    operator = MockOperator.start(server,
        server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig()));
    NorthflankJob job = client.resource(cronJob("failing", "0 3 * * *")).create();

    // The error status passes when JOSDK's retry succeeds; the Warning event stays.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(operator.events(job))
        .filteredOn(e -> e.getReason().equals("ReconcileError"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.getType()).isEqualTo("Warning");
          assertThat(e.getMessage()).isEqualTo("HTTP 500: etcd is having a bad day");
        }));
    awaitReady("failing", "Scheduled");
    assertThat(cronJobs().withName("failing").get()).isNotNull();
  }

  private void start() {
    operator = MockOperator.start(server, client);
  }

  private Resource<NorthflankJob> job(String name) {
    return client.resources(NorthflankJob.class).inNamespace(NAMESPACE).withName(name);
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<CronJob,
      io.fabric8.kubernetes.api.model.batch.v1.CronJobList, Resource<CronJob>> cronJobs() {
    return client.batch().v1().cronjobs().inNamespace(NAMESPACE);
  }

  private CronJob awaitCronJob(String name) {
    return await().atMost(Duration.ofSeconds(60))
        .until(() -> cronJobs().withName(name).get(), c -> c != null);
  }

  private Condition awaitReady(String name, String reason) {
    return await().atMost(Duration.ofSeconds(15)).until(
        () -> {
          NorthflankJob job = job(name).get();
          return job == null || job.getStatus() == null
              ? null
              : Conditions.find(job.getStatus().conditions, "Ready").orElse(null);
        },
        c -> c != null && reason.equals(c.getReason()));
  }

  private static io.fabric8.kubernetes.api.model.Status status(int code, String reason, String message) {
    return new io.fabric8.kubernetes.api.model.StatusBuilder()
        .withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
  }

}
