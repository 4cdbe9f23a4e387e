package io.northflankjob.operator.reconciler;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shrinks an object of the Kubernetes model kept in a cache. Fabric8's model classes start every
 * list and map field (labels, finalizers, env, ports, additionalProperties...) as a new empty
 * collection; most stay empty, and a cached CronJob carries some sixty of them. Replacing each
 * empty one by the shared immutable empty collection keeps the object's content and its JSON as
 * they were. The object is then read-only, as an informer's objects are to their readers.
 */
final class CompactModel {

  private static final List<String> MODEL_PACKAGES =
      List.of("io.fabric8.kubernetes.api.model", "io.northflankjob.operator.api");

  /** The fields worth visiting of each model class: lists, maps and other model objects. */
  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  private CompactModel() {}

  /** Replaces the empty lists and maps in {@code object} and all it holds, in place. */
  static void compact(Object object) {
    if (object == null || !isModel(object.getClass())) {
      return;
    }
    for (Field field : FIELDS.computeIfAbsent(object.getClass(), CompactModel::fieldsOf)) {
      try {
        Object value = field.get(object);
        if (value instanceof List<?> list && list.isEmpty()) {
          field.set(object, List.of());
        } else if (value instanceof Map<?, ?> map && map.isEmpty()) {
          field.set(object, Map.of());
        } else if (value instanceof Collection<?> items) {
          items.forEach(CompactModel::compact);
        } else if (value instanceof Map<?, ?> map) {
          // Not through values(): a map keeps the view it hands out, and that would cost more.
          map.forEach((key, item) -> compact(item));
        } else {
          compact(value);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot compact " + field, e);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    String name = type.getName();
    return MODEL_PACKAGES.stream().anyMatch(name::startsWith);
  }

  private static List<Field> fieldsOf(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
          continue;
        }
        Class<?> fieldType = field.getType();
        // Only fields declared as List or Map can take the immutable empty ones.
        boolean worthVisiting = fieldType == List.class
            || fieldType == Map.class
            || fieldType == Object.class
            || isModel(fieldType);
        if (worthVisiting) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return List.copyOf(fields);
  }
}
