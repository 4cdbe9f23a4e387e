package io.northflankjob.operator.reconciler;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks an object of the Kubernetes model kept in a cache. Fabric8's model classes start every
 * list and map field (labels, finalizers, env, ports, additionalProperties...) as a new empty
 * collection; most stay empty, and a cached CronJob carries some sixty of them. Each empty one
 * becomes the shared immutable empty collection, and each other list and map an immutable copy,
 * which is smaller; the object's content stays as it was. The object is then read-only, as an
 * informer's objects are to their readers.
 */
final class CompactModel {

  private static final List<String> MODEL_PACKAGES =
      List.of("io.fabric8.kubernetes.api.model", "io.northflankjob.operator.api");

  /**
   * The fields worth visiting of each class: for a model class its lists, maps and other model
   * objects, for any other class none. Worked out once per class: compacting runs on every object
   * an informer stores.
   */
  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      return isModel(type) ? fieldsOf(type) : List.of();
    }
  };

  private CompactModel() {}

  /** Compacts the lists and maps of {@code object} and of all it holds, in place. */
  static void compact(Object object) {
    if (object == null) {
      return;
    }
    for (Field field : FIELDS.get(object.getClass())) {
      try {
        Object value = field.get(object);
        if (value instanceof List<?> list) {
          list.forEach(CompactModel::compact);
          field.set(object, compactList(list));
        } else if (value instanceof Map<?, ?> map) {
          // Not through values(): a map keeps the view it hands out, and that would cost more.
          map.forEach((key, item) -> compact(item));
          field.set(object, compactMap(map));
        } else {
          compact(value);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot compact " + field, e);
      }
    }
  }

  /**
   * The shared empty list, or an immutable copy of a list as Jackson reads it, which has no spare
   * capacity. Any other list is kept as it is.
   */
  private static List<?> compactList(List<?> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    return list.getClass() == ArrayList.class && !list.contains(null) ? List.copyOf(list) : list;
  }

  /**
   * The shared empty map, or an immutable copy of a map as Jackson reads it: two arrays rather
   * than an entry object per key, in an order of its own, which no reader of a cache relies on.
   * Any other map (one already shared, see {@link SharedFields}) is kept as it is.
   */
  private static Map<?, ?> compactMap(Map<?, ?> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    boolean copyable = map.getClass() == LinkedHashMap.class
        && !map.containsKey(null) && !map.containsValue(null);
    return copyable ? Map.copyOf(map) : map;
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
