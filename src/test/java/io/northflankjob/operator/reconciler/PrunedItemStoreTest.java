package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrunedItemStoreTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final String SPEC_FIELDS =
      "{\"f:spec\":{\"f:schedule\":{},\"f:jobTemplate\":{\"f:spec\":{\"f:backoffLimit\":{}}}}}";

  @Test
  void objectsAreStoredWithoutManagedFields() {
    ItemStore<NorthflankJob> store =
        PrunedItemStore.<NorthflankJob>withoutManagedFields(MockOperator.SETTINGS).orElseThrow();
    NorthflankJob job = ReconcilerFixtures.cronJob("pruned", "0 3 * * *");
    job.getMetadata().setManagedFields(List.of(entry("kubectl", SPEC_FIELDS)));

    store.put(store.getKey(job), job);

    NorthflankJob stored = store.get("test/pruned");
    assertThat(stored.getMetadata().getManagedFields()).isNull();
    assertThat(stored.getSpec().settings.cron.schedule).isEqualTo("0 3 * * *");
  }

  @Test
  void appliedObjectsKeepTheOperatorsEntryAndShareWhatTheirEntriesHaveInCommon() {
    ItemStore<CronJob> store =
        PrunedItemStore.<CronJob>withOwnManagedFields(MockOperator.SETTINGS).orElseThrow();
    CronJob first = cronJob("first", "uid-1");
    CronJob second = cronJob("second", "uid-2");
    Map<String, Object> applied = fields(first);

    store.put(store.getKey(first), first);
    store.put(store.getKey(second), second);

    assertThat(store.get("test/first").getMetadata().getManagedFields())
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.getManager()).isEqualTo(OperatorSettings.FIELD_MANAGER);
          // The same fields as applied, read back the same way.
          assertThat(entry.getFieldsV1().getAdditionalProperties()).isEqualTo(applied);
        });
    Map<String, Object> firstFields = fields(store.get("test/first"));
    Map<String, Object> secondFields = fields(store.get("test/second"));
    assertThat(firstFields).isNotEqualTo(secondFields);
    assertThat(firstFields.get("f:spec")).isSameAs(secondFields.get("f:spec"));
  }

  @Test
  void noStoreWhenSeveralNamespacesAreWatched() {
    OperatorSettings settings = new OperatorSettings("team", "id", "name", List.of(), 1.0,
        Set.of("one", "two"));

    assertThat(PrunedItemStore.<CronJob>withOwnManagedFields(settings)).isEmpty();
    assertThat(PrunedItemStore.<NorthflankJob>withoutManagedFields(settings)).isEmpty();
    assertThat(PrunedItemStore.<NorthflankJob>withoutManagedFields(
        new OperatorSettings("team", "id", "name", List.of(), 1.0, Set.of("one")))).isPresent();
  }

  private static CronJob cronJob(String name, String ownerUid) {
    String metadataFields = "{\"f:metadata\":{\"f:ownerReferences\":{\"k:{\\\"uid\\\":\\\""
        + ownerUid + "\\\"}\":{}},\"f:labels\":{\"f:northflank.com/job\":{}}}}";
    Map<String, Object> own = tree(SPEC_FIELDS);
    own.putAll(tree(metadataFields));
    return new CronJobBuilder()
        .withNewMetadata()
          .withName(name)
          .withNamespace(MockOperator.NAMESPACE)
          .withManagedFields(
              entry(OperatorSettings.FIELD_MANAGER, SERIALIZATION.asJson(own)),
              entry("kubectl-edit", "{\"f:metadata\":{\"f:annotations\":{\"f:note\":{}}}}"))
        .endMetadata()
        .build();
  }

  private static ManagedFieldsEntry entry(String manager, String fields) {
    return new ManagedFieldsEntryBuilder()
        .withManager(manager)
        .withOperation("Apply")
        .withNewFieldsV1()
          .withAdditionalProperties(tree(fields))
        .endFieldsV1()
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(String json) {
    return SERIALIZATION.unmarshal(json, Map.class);
  }

  private static Map<String, Object> fields(CronJob cronJob) {
    return cronJob.getMetadata().getManagedFields().stream()
        .filter(e -> OperatorSettings.FIELD_MANAGER.equals(e.getManager()))
        .findFirst().orElseThrow().getFieldsV1().getAdditionalProperties();
  }
}
