package io.northflankjob.operator.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the reconciliations the operator finished, per object, so a test can wait for one that
 * writes nothing and therefore leaves no other trace.
 */
final class ReconcileCounter implements Metrics {

  private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    finished.computeIfAbsent(key(resource.getKind(), resource.getMetadata().getNamespace(),
        resource.getMetadata().getName()), k -> new AtomicInteger()).incrementAndGet();
  }

  int of(Class<? extends HasMetadata> kind, String namespace, String name) {
    AtomicInteger count = finished.get(key(HasMetadata.getKind(kind), namespace, name));
    return count == null ? 0 : count.get();
  }

  /** Finished reconciliations in {@code namespace}, by {@code Kind/name}. */
  Map<String, Integer> all(String namespace) {
    Map<String, Integer> counts = new TreeMap<>();
    finished.forEach((key, count) -> {
      String[] parts = key.split("/", 3);
      if (parts[1].equals(namespace)) {
        counts.put(parts[0] + "/" + parts[2], count.get());
      }
    });
    return counts;
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
