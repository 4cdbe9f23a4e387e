package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.desired.CronJobManifest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactModelTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void aCompactedObjectReadsAndSerializesAsBefore() {
    CronJob cronJob = readBack(CronJobManifest.of(
        ReconcilerFixtures.cronJob("compact", "0 3 * * *"), MockOperator.SETTINGS));
    JsonNode before = tree(cronJob);

    CompactModel.compact(cronJob);

    assertThat(tree(cronJob)).isEqualTo(before);
    assertThat(cronJob).isEqualTo(readBack(cronJob));
  }

  @Test
  void emptyListsAndMapsBecomeTheSharedEmptyOnes() {
    CronJob cronJob = readBack(CronJobManifest.of(
        ReconcilerFixtures.cronJob("compact", "0 3 * * *"), MockOperator.SETTINGS));

    CompactModel.compact(cronJob);

    assertThat(cronJob.getMetadata().getFinalizers()).isSameAs(List.of());
    assertThat(cronJob.getMetadata().getAdditionalProperties()).isSameAs(Map.of());
    var container = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
        .getContainers().get(0);
    assertThat(container.getPorts()).isSameAs(List.of());
    // Inside lists and maps too: the container above, and the quantities of its resources.
    assertThat(container.getResources().getLimits().values())
        .isNotEmpty()
        .allSatisfy(quantity -> assertThat(quantity.getAdditionalProperties()).isSameAs(Map.of()));
    // What is not empty keeps its content, in a smaller immutable form.
    Map<String, String> labels = cronJob.getMetadata().getLabels();
    assertThat(labels).containsEntry("northflank.com/job", "compact");
    assertThatThrownBy(() -> labels.put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    var containers = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
        .getContainers();
    assertThat(containers).containsExactly(container);
    assertThatThrownBy(() -> containers.add(container))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sharedAndUnusualCollectionsAreKept() {
    CronJob cronJob = readBack(CronJobManifest.of(
        ReconcilerFixtures.cronJob("compact", "0 3 * * *"), MockOperator.SETTINGS));
    Map<String, String> shared = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("a", "b")));
    cronJob.getMetadata().setAnnotations(shared);
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("key", null);
    cronJob.getSpec().getJobTemplate().getMetadata().setAnnotations(withNull);

    CompactModel.compact(cronJob);

    assertThat(cronJob.getMetadata().getAnnotations()).isSameAs(shared);
    assertThat(cronJob.getSpec().getJobTemplate().getMetadata().getAnnotations()).isSameAs(withNull);
  }

  @Test
  void theOperatorsOwnResourcesAreCompactedToo() {
    NorthflankJob job = readBack(ReconcilerFixtures.cronJob("compact", "0 3 * * *"));
    JsonNode before = tree(job);

    CompactModel.compact(job);

    assertThat(job.getMetadata().getOwnerReferences()).isSameAs(List.of());
    assertThat(tree(job)).isEqualTo(before);
  }

  private static JsonNode tree(Object object) {
    return SERIALIZATION.convertValue(object, JsonNode.class);
  }

  /** The object as a client reads it from the API server: through JSON. */
  @SuppressWarnings("unchecked")
  private static <T> T readBack(T object) {
    return (T) SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), object.getClass());
  }
}
