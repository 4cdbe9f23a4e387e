package io.northflankjob.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.ops.RunMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator against the Fabric8 mock server in CRUD mode. The mock server does not implement
 * server-side apply (it answers 415 to apply patches and keeps no managedFields), so here JOSDK
 * runs its non-SSA path: dependents are created with POST, matched with its generic matcher and
 * updated with PUT; statuses are written with PUT on the status subresource. The reconcile logic
 * above that (validation, cron vs manual, create-once, status only on change, events) is the same.
 */
final class MockOperator implements AutoCloseable {

  static final String NAMESPACE = "test";
  static final OperatorSettings SETTINGS = new OperatorSettings("example-user", "nf-europe-west",
      "nf-europe-west", List.of("lb.example.northflank.com"), 0.7, java.util.Set.of());

  final KubernetesMockServer server;
  final KubernetesClient client;
  /** Where the operator counts runs: see {@link #runs(String)}. */
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Operator operator;
  private final Map<String, AtomicInteger> reconciled = new ConcurrentHashMap<>();

  private MockOperator(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
    this.operator = Operators.create(client, SETTINGS, new RunMetrics(meters), overrider -> overrider
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false)
        .withMetrics(new Metrics() {
          @Override
          public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
            reconciled.computeIfAbsent(key(resource), k -> new AtomicInteger()).incrementAndGet();
          }
        }));
  }

  static MockOperator start(KubernetesMockServer server, KubernetesClient client) {
    installCrd(client, "crds/northflankjobs.northflank.com.yaml");
    installCrd(client, "crds/northflankjobruns.northflank.com.yaml");
    MockOperator mock = new MockOperator(server, client);
    mock.operator.start();
    return mock;
  }

  /** How many reconciles of this object have finished without error. */
  int reconciles(HasMetadata resource) {
    return reconciled.getOrDefault(key(resource), new AtomicInteger()).get();
  }

  /** Waits until one more reconcile of the object than {@code before} has finished. */
  void awaitReconcileAfter(HasMetadata resource, int before) {
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(resource) > before);
  }

  /** How many runs in {@link #NAMESPACE} the operator counted: started, succeeded or failed. */
  double runs(String outcome) {
    Counter counter = meters.find("northflank.job.runs." + outcome).tag("namespace", NAMESPACE).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Every request the server got since the last call. */
  List<RecordedRequest> takeRequests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  /** The events about an object, oldest first. */
  List<Event> events(HasMetadata about) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> about.getMetadata().getName().equals(e.getInvolvedObject().getName())
            && about.getKind().equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  List<String> eventReasons(HasMetadata about) {
    return events(about).stream().map(Event::getReason).toList();
  }

  @Override
  public void close() {
    operator.stop();
  }

  private static String key(HasMetadata resource) {
    return resource.getKind() + "/" + resource.getMetadata().getNamespace() + "/"
        + resource.getMetadata().getName();
  }

  private static void installCrd(KubernetesClient client, String file) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      client.apiextensions().v1().customResourceDefinitions().load(in).create();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
