package io.northflankjob.operator.bench;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.desired.CronJobManifest;
import io.northflankjob.operator.status.JobStatuses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The least a controller could do for a new job: create its CronJob and write its status once,
 * with a plain client, as many at a time as the operator reconciles. No informers, no reads, no
 * comparison: the time this takes is the floor the operator is measured against.
 */
final class Floor implements AutoCloseable {

  private final KubernetesClient client;
  private final OperatorSettings settings = OperatorSettings.defaults();
  private final ExecutorService workers;
  private final AtomicInteger failures = new AtomicInteger();

  Floor(KubernetesClient client, int concurrency) {
    this.client = client;
    this.workers = Executors.newFixedThreadPool(concurrency);
  }

  /** Creates the CronJob of a job just stored and writes its status, on one of the workers. */
  void converge(NorthflankJob stored) {
    workers.execute(() -> {
      try {
        CronJob cronJob = client.resource(CronJobManifest.of(stored, settings)).create();
        NorthflankJobStatus status = JobStatuses.compute(stored, settings, cronJob, List.of(),
            List.of(), Instant.now());
        client.resources(NorthflankJob.class)
            .inNamespace(stored.getMetadata().getNamespace())
            .withName(stored.getMetadata().getName())
            .subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE),
                client.getKubernetesSerialization().asJson(Map.of("status", status)));
      } catch (RuntimeException e) {
        if (failures.incrementAndGet() <= 5) {
          System.err.println("floor: " + stored.getMetadata().getName() + ": " + e);
        }
      }
    });
  }

  int failures() {
    return failures.get();
  }

  @Override
  public void close() throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.MINUTES);
    workers.shutdownNow();
  }
}
