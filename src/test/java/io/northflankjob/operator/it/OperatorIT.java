package io.northflankjob.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobList;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.javaoperatorsdk.operator.Operator;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.Settings.Cron.ConcurrencyPolicy;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.desired.CronJobManifest;
import io.northflankjob.operator.desired.JobLabels;
import io.northflankjob.operator.it.AuditLog.Event;
import io.northflankjob.operator.reconciler.Operators;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator, running in the test's JVM as {@link ApiServer#OPERATOR_USER}, against a real API
 * server: the objects it makes, how it keeps them, and the writes it does not make. There is no
 * kube-controller-manager, so CronJobs never fire and nothing is garbage collected.
 */
class OperatorIT {

  @RegisterExtension
  static final ApiServer API_SERVER = new ApiServer();

  private static final String NAMESPACE = "operator";
  private static final OperatorSettings SETTINGS = OperatorSettings.defaults();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** How long the operator must stay silent to count as done writing. */
  private static final Duration QUIET = Duration.ofSeconds(3);

  private static final ReconcileCounter RECONCILES = new ReconcileCounter();
  private static Operator operator;

  @BeforeAll
  static void startOperator() {
    API_SERVER.createNamespace(NAMESPACE);
    operator = newOperator();
  }

  @AfterAll
  static void stopOperator() {
    operator.stop();
  }

  @Test
  void cronJobGetsItsCronJobAndIsReady() {
    NorthflankJob job = cronJob("nightly", "30 8 * * *");
    job.getSpec().settings.cron.concurrencyPolicy = ConcurrencyPolicy.Forbid;
    job.getSpec().settings.backoffLimit = 2;
    NorthflankJob created = jobs().resource(job).create();

    CronJob cronJob = awaitPresent(() -> cronJobs().withName("nightly").get());
    NorthflankJob ready = awaitReady("nightly");

    assertThat(cronJob.getSpec().getSchedule()).isEqualTo("30 8 * * *");
    assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(cronJob.getSpec().getSuspend()).isFalse();
    var jobSpec = cronJob.getSpec().getJobTemplate().getSpec();
    assertThat(jobSpec.getBackoffLimit()).isEqualTo(2);
    assertThat(jobSpec.getActiveDeadlineSeconds()).isEqualTo(600L);
    assertThat(jobSpec.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(jobSpec.getTemplate().getSpec().getContainers()).singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("busybox:1.36"));
    assertThat(cronJob.getMetadata().getLabels())
        .containsEntry(JobLabels.MANAGED_BY, JobLabels.MANAGED_BY_VALUE);
    assertThat(cronJob.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("NorthflankJob");
      assertThat(owner.getName()).isEqualTo("nightly");
      assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();
    });
    // Every field the operator means to set is on the server as it computed it.
    Manifest desired = Manifest.of(CronJobManifest.of(ready, SETTINGS));
    assertThat(Manifest.onlyKeysOf(Manifest.of(cronJob).get("spec"), desired.get("spec")))
        .isEqualTo(desired.get("spec"));
    assertThat(cronJob.getMetadata().getManagedFields())
        .anySatisfy(entry -> {
          assertThat(entry.getManager()).isEqualTo(OperatorSettings.FIELD_MANAGER);
          assertThat(entry.getOperation()).isEqualTo("Apply");
        });

    assertThat(ready.getStatus().observedGeneration).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getStatus().id).isEqualTo("nightly");
    assertThat(ready.getStatus().projectId).isEqualTo(NAMESPACE);
  }

  @Test
  void aHandEditOfTheCronJobIsPutBack() {
    jobs().resource(cronJob("hand-edited", "*/10 * * * *")).create();
    awaitPresent(() -> cronJobs().withName("hand-edited").get());

    cronJobs().withName("hand-edited").edit(cronJob -> {
      cronJob.getSpec().setSchedule("0 0 * * *");
      cronJob.getSpec().setSuspend(true);
      return cronJob;
    });

    await().atMost(TIMEOUT).untilAsserted(() -> {
      CronJob cronJob = cronJobs().withName("hand-edited").get();
      assertThat(cronJob.getSpec().getSchedule()).isEqualTo("*/10 * * * *");
      assertThat(cronJob.getSpec().getSuspend()).isFalse();
    });
  }

  @Test
  void switchingFromCronToManualRemovesTheCronJob() {
    jobs().resource(cronJob("switching", "0 * * * *")).create();
    awaitPresent(() -> cronJobs().withName("switching").get());

    jobs().withName("switching").edit(job -> {
      job.getSpec().jobType = JobType.MANUAL;
      job.getSpec().settings.cron = null;
      return job;
    });

    await().atMost(TIMEOUT).untilAsserted(
        () -> assertThat(cronJobs().withName("switching").get()).isNull());
    NorthflankJob ready = awaitReady("switching");
    assertThat(ready.getStatus().observedGeneration).isEqualTo(2L);
  }

  @Test
  void aScheduleTheOperatorCannotRunKeepsTheLastGoodCronJob() {
    jobs().resource(cronJob("keeper", "*/5 * * * *")).create();
    awaitReady("keeper");
    CronJob good = awaitPresent(() -> cronJobs().withName("keeper").get());

    // The schema takes any short string; only the operator knows 61 is no minute.
    jobs().withName("keeper").edit(job -> {
      job.getSpec().settings.cron.schedule = "61 * * * *";
      return job;
    });

    await().atMost(TIMEOUT).untilAsserted(() -> {
      NorthflankJob job = jobs().withName("keeper").get();
      assertThat(job.getStatus().observedGeneration).isEqualTo(2L);
      assertThat(ready(job)).hasValueSatisfying(condition -> {
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isNotBlank();
        assertThat(condition.getMessage()).contains("spec.settings.cron.schedule");
      });
    });
    CronJob after = cronJobs().withName("keeper").get();
    assertThat(after.getSpec().getSchedule()).isEqualTo("*/5 * * * *");
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(good.getMetadata().getResourceVersion());
  }

  @Test
  void aReconcileThatFindsNothingToDoWritesNothing() {
    jobs().resource(cronJob("quiet", "15 3 * * *")).create();
    jobs().resource(manualJob("quiet-manual")).create();
    runs().resource(run("quiet-manual-1", "quiet-manual")).create();
    awaitReady("quiet");
    awaitReady("quiet-manual");
    awaitPresent(() -> cronJobs().withName("quiet").get());
    awaitPresent(() -> kubernetesJobs().withName("quiet-manual-1").get());
    await().atMost(TIMEOUT).until(() -> runs().withName("quiet-manual-1").get().getStatus(),
        status -> status != null && "quiet-manual-1".equals(status.runName));
    List<Event> before = awaitOperatorQuiet();

    // Events that change nothing the operator manages: annotations of someone else's.
    Map<String, Integer> reconciles = reconcileCounts();
    cronJobs().withName("quiet").edit(OperatorIT::annotated);
    kubernetesJobs().withName("quiet-manual-1").edit(OperatorIT::annotated);
    awaitReconciledAgain(reconciles, "NorthflankJob/quiet", "NorthflankJobRun/quiet-manual-1");
    assertNoNewWrites(before);

    // A restart reconciles every object again, from fresh caches.
    reconciles = reconcileCounts();
    restartOperator();
    awaitReconciledAgain(reconciles, "NorthflankJob/quiet", "NorthflankJob/quiet-manual",
        "NorthflankJobRun/quiet-manual-1");
    assertNoNewWrites(before);
  }

  @Test
  void aRunCreatesExactlyOneJob() {
    // The run comes first: it waits for its job.
    runs().resource(run("adhoc-1", "adhoc")).create();
    jobs().resource(manualJob("adhoc")).create();

    Job job = awaitPresent(() -> kubernetesJobs().withName("adhoc-1").get());
    NorthflankJobRun createdRun = runs().withName("adhoc-1").get();
    assertThat(job.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
        .containsExactly(createdRun.getMetadata().getUid());
    assertThat(job.getMetadata().getLabels()).containsKey(JobLabels.RUN);
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(runs().withName("adhoc-1").get().getStatus().runName).isEqualTo("adhoc-1"));

    // Reconciled again on an event of its Job, after a restart, and after its Job is gone.
    int reconciles = RECONCILES.of(NorthflankJobRun.class, NAMESPACE, "adhoc-1");
    String runLabel = job.getMetadata().getLabels().get(JobLabels.RUN);
    assertThat(kubernetesJobs().withLabel(JobLabels.RUN, runLabel).list().getItems()).hasSize(1);
    kubernetesJobs().withName("adhoc-1").edit(OperatorIT::annotated);
    awaitReconciled(NorthflankJobRun.class, "adhoc-1", reconciles);
    reconciles = RECONCILES.of(NorthflankJobRun.class, NAMESPACE, "adhoc-1");
    restartOperator();
    awaitReconciled(NorthflankJobRun.class, "adhoc-1", reconciles);
    reconciles = RECONCILES.of(NorthflankJobRun.class, NAMESPACE, "adhoc-1");
    kubernetesJobs().withName("adhoc-1").delete();
    awaitReconciled(NorthflankJobRun.class, "adhoc-1", reconciles);
    awaitOperatorQuiet();

    assertThat(kubernetesJobs().withLabel(JobLabels.RUN, runLabel).list().getItems()).isEmpty();
    // Whether by create or by server-side apply: one write to Jobs, the one that created it.
    assertThat(API_SERVER.auditLog().writesBy(ApiServer.OPERATOR_USER))
        .filteredOn(e -> e.resource().equals("jobs") && e.name().startsWith("adhoc"))
        .as("writes of the operator to Jobs")
        .singleElement()
        .satisfies(write -> {
          assertThat(write.name()).isEqualTo("adhoc-1");
          assertThat(write.code()).as("created").isEqualTo(201);
        });
  }

  private static NorthflankJob cronJob(String name, String schedule) {
    NorthflankJob job = Manifest.load("it/minimal-cron-job.yaml").as(NorthflankJob.class);
    job.getMetadata().setName(name);
    job.getSpec().settings.cron.schedule = schedule;
    return job;
  }

  /** The object with an annotation of someone else's: a change the operator has no say in. */
  private static <T extends HasMetadata> T annotated(T object) {
    object.getMetadata().setAnnotations(new HashMap<>(
        Optional.ofNullable(object.getMetadata().getAnnotations()).orElse(Map.of())));
    object.getMetadata().getAnnotations().put("example.com/seen-by", "an auditor");
    return object;
  }

  private static NorthflankJob manualJob(String name) {
    NorthflankJob job = cronJob(name, null);
    job.getSpec().jobType = JobType.MANUAL;
    job.getSpec().settings.cron = null;
    return job;
  }

  private static NorthflankJobRun run(String name, String jobName) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.getMetadata().setName(name);
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = jobName;
    return run;
  }

  private static NorthflankJob awaitReady(String name) {
    return await().atMost(TIMEOUT).until(() -> jobs().withName(name).get(), job ->
        job.getStatus() != null
            && job.getMetadata().getGeneration().equals(job.getStatus().observedGeneration)
            && ready(job).map(c -> "True".equals(c.getStatus())).orElse(false));
  }

  private static Optional<Condition> ready(NorthflankJob job) {
    return job.getStatus() == null
        ? Optional.empty()
        : job.getStatus().conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  private static <T> T awaitPresent(Supplier<T> get) {
    return await().atMost(TIMEOUT).until(get::get, value -> value != null);
  }

  private static void awaitReconciled(Class<? extends HasMetadata> kind, String name, int before) {
    await().atMost(TIMEOUT).until(() -> RECONCILES.of(kind, NAMESPACE, name) > before);
  }

  private static Map<String, Integer> reconcileCounts() {
    return RECONCILES.all(NAMESPACE);
  }

  /** Waits until each of {@code objects} ({@code Kind/name}) finished another reconcile. */
  private static void awaitReconciledAgain(Map<String, Integer> before, String... objects) {
    await().atMost(TIMEOUT).untilAsserted(() -> {
      Map<String, Integer> now = reconcileCounts();
      for (String object : objects) {
        assertThat(now.getOrDefault(object, 0)).as("reconciles of %s", object)
            .isGreaterThan(before.getOrDefault(object, 0));
      }
    });
  }

  /**
   * Waits until the operator has written nothing for {@link #QUIET}: the audit log is written as
   * requests complete, so a write a reconcile makes shows up within that time.
   */
  private static List<Event> awaitOperatorQuiet() {
    List<Event> writes = API_SERVER.auditLog().writesBy(ApiServer.OPERATOR_USER);
    while (true) {
      sleep(QUIET);
      List<Event> now = API_SERVER.auditLog().writesBy(ApiServer.OPERATOR_USER);
      if (now.equals(writes)) {
        return now;
      }
      writes = now;
    }
  }

  private static void assertNoNewWrites(List<Event> before) {
    List<Event> after = awaitOperatorQuiet();
    assertThat(after.subList(before.size(), after.size())).as("writes the operator made").isEmpty();
  }

  private static void restartOperator() {
    operator.stop();
    operator = newOperator();
  }

  private static Operator newOperator() {
    KubernetesClient client = API_SERVER.newOperatorClient();
    Operator started = Operators.create(client, SETTINGS, overrider -> overrider.withMetrics(RECONCILES));
    started.start();
    return started;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static NonNamespaceOperation<NorthflankJob, KubernetesResourceList<NorthflankJob>, Resource<NorthflankJob>> jobs() {
    return API_SERVER.client().resources(NorthflankJob.class).inNamespace(NAMESPACE);
  }

  private static NonNamespaceOperation<NorthflankJobRun, KubernetesResourceList<NorthflankJobRun>, Resource<NorthflankJobRun>> runs() {
    return API_SERVER.client().resources(NorthflankJobRun.class).inNamespace(NAMESPACE);
  }

  private static NonNamespaceOperation<CronJob, CronJobList, Resource<CronJob>> cronJobs() {
    return API_SERVER.client().batch().v1().cronjobs().inNamespace(NAMESPACE);
  }

  private static NonNamespaceOperation<Job, JobList, ScalableResource<Job>> kubernetesJobs() {
    return API_SERVER.client().batch().v1().jobs().inNamespace(NAMESPACE);
  }
}
