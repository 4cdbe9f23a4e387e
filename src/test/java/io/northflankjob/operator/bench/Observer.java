package io.northflankjob.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.status.Conditions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Watches the jobs and their CronJobs as the API server sees them, and notes when each job
 * converged (its CronJob exists and its status, for its current generation, says Ready=True) and
 * when a changed spec reached a CronJob.
 */
final class Observer implements AutoCloseable {

  private final Map<String, Long> readyAt = new ConcurrentHashMap<>();
  private final Map<String, Long> cronJobAt = new ConcurrentHashMap<>();
  private final Set<String> convergedNames = ConcurrentHashMap.newKeySet();
  private final AtomicInteger converged = new AtomicInteger();
  private volatile long lastConvergedNanos;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>());
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  private record Pending(long activeDeadlineSeconds, long sentNanos) {}

  Observer(KubernetesClient client) {
    informers.add(client.resources(NorthflankJob.class).inNamespace(Workload.NAMESPACE)
        .inform(handler(this::onJob), 0));
    informers.add(client.batch().v1().cronjobs().inNamespace(Workload.NAMESPACE)
        .inform(handler(this::onCronJob), 0));
    informers.forEach(informer -> informer.start().toCompletableFuture().join());
  }

  private void onJob(NorthflankJob job) {
    NorthflankJobStatus status = job.getStatus();
    boolean ready = status != null && status.id != null
        && Objects.equals(status.observedGeneration, job.getMetadata().getGeneration())
        && Conditions.find(status.conditions, Conditions.READY)
            .map(c -> "True".equals(c.getStatus())).orElse(false);
    if (ready && readyAt.putIfAbsent(job.getMetadata().getName(), System.nanoTime()) == null) {
      seen(job.getMetadata().getName());
    }
  }

  private void onCronJob(CronJob cronJob) {
    String name = cronJob.getMetadata().getName();
    if (cronJobAt.putIfAbsent(name, System.nanoTime()) == null) {
      seen(name);
    }
    Pending expected = pending.get(name);
    Long deadline = cronJob.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds();
    if (expected != null && deadline != null && deadline == expected.activeDeadlineSeconds()
        && pending.remove(name, expected)) {
      latenciesNanos.add(System.nanoTime() - expected.sentNanos());
    }
  }

  /** Counts a job once, when both of its notes are in. */
  private void seen(String name) {
    if (readyAt.containsKey(name) && cronJobAt.containsKey(name) && convergedNames.add(name)) {
      lastConvergedNanos = System.nanoTime();
      converged.incrementAndGet();
    }
  }

  /** How many jobs have converged. */
  int converged() {
    return converged.get();
  }

  /** When the last job converged ({@link System#nanoTime()}). */
  long lastConvergedNanos() {
    return lastConvergedNanos;
  }

  /** Notes that {@code job}'s activeDeadlineSeconds is being changed to {@code value} now. */
  void expectChange(String job, long value) {
    pending.put(job, new Pending(value, System.nanoTime()));
  }

  /** Changes not yet seen on a CronJob. */
  int pendingChanges() {
    return pending.size();
  }

  /** Latencies of the changes seen, in milliseconds, sorted. */
  List<Double> changeLatenciesMillis() {
    synchronized (latenciesNanos) {
      return latenciesNanos.stream().map(n -> n / 1e6).sorted().toList();
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }
}
