package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An informer's store that keeps less of each object: not its managedFields, which record every
 * field of every manager and are most of what a cached object weighs, beyond what the operator
 * reads, nor the empty collections the model starts with ({@link CompactModel}). The object is
 * pruned as the informer stores it; every reader of the cache sees it pruned.
 */
final class PrunedItemStore<T extends HasMetadata> implements ItemStore<T> {

  private static final SharedFields SHARED = new SharedFields();

  private final ItemStore<T> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final Consumer<T> prune;

  private PrunedItemStore(Consumer<T> prune) {
    this.prune = prune;
  }

  /**
   * A store that drops the managedFields of every object, for the informers of objects the
   * operator never applies (its custom resources, the Jobs it creates or observes).
   */
  static <T extends HasMetadata> Optional<ItemStore<T>> withoutManagedFields(
      OperatorSettings settings) {
    return of(settings, object -> object.getMetadata().setManagedFields(null));
  }

  /**
   * A store that keeps only the operator's own managedFields entries, which JOSDK's server-side
   * apply matcher compares the desired object with, for the objects the operator applies; their
   * subtrees are shared between objects ({@link SharedFields}).
   */
  static <T extends HasMetadata> Optional<ItemStore<T>> withOwnManagedFields(
      OperatorSettings settings) {
    return of(settings, object -> {
      List<ManagedFieldsEntry> entries = object.getMetadata().getManagedFields();
      if (entries != null) {
        List<ManagedFieldsEntry> own = entries.stream()
            .filter(entry -> OperatorSettings.FIELD_MANAGER.equals(entry.getManager()))
            .toList();
        own.stream().map(ManagedFieldsEntry::getFieldsV1).filter(Objects::nonNull).forEach(
            fields -> fields.setAdditionalProperties(SHARED.share(fields.getAdditionalProperties())));
        object.getMetadata().setManagedFields(own);
      }
    });
  }

  /**
   * None when several namespaces are watched: JOSDK then runs an informer per namespace and gives
   * each the same store, and a relist of one namespace would drop the objects of the others.
   */
  private static <T extends HasMetadata> Optional<ItemStore<T>> of(
      OperatorSettings settings, Consumer<T> prune) {
    return settings.watchedNamespaces().size() > 1
        ? Optional.empty()
        : Optional.of(new PrunedItemStore<>(prune));
  }

  @Override
  public T put(String key, T object) {
    prune.accept(object);
    CompactModel.compact(object);
    return items.put(key, object);
  }

  @Override
  public String getKey(T object) {
    return items.getKey(object);
  }

  @Override
  public T remove(String key) {
    return items.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet();
  }

  @Override
  public Stream<T> values() {
    return items.values();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return items.get(key);
  }
}
