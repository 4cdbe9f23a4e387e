package io.northflankjob.operator.reconciler;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One instance of each distinct managedFields subtree. The operator's managedFields entry on a
 * CronJob lists every field it applied, a tree of some seventy maps, and CronJobs made from
 * similar jobs list the same fields: only their owner's uid differs. Sharing equal subtrees keeps
 * one copy of what they have in common. Shared subtrees are unmodifiable, and forgotten once no
 * cached object refers to them.
 */
final class SharedFields {

  private final Map<Map<String, Object>, WeakReference<Map<String, Object>>> canonical =
      new WeakHashMap<>();

  /** {@code fields} with each subtree replaced by the shared one equal to it. */
  synchronized Map<String, Object> share(Map<String, Object> fields) {
    Map<String, Object> copy = new LinkedHashMap<>(fields.size());
    fields.forEach((name, value) -> copy.put(name, value instanceof Map<?, ?> child
        ? share(asFields(child))
        : value));
    Map<String, Object> candidate = Collections.unmodifiableMap(copy);
    WeakReference<Map<String, Object>> known = canonical.get(candidate);
    Map<String, Object> shared = known == null ? null : known.get();
    if (shared == null) {
      canonical.put(candidate, new WeakReference<>(candidate));
      shared = candidate;
    }
    return shared;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asFields(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
