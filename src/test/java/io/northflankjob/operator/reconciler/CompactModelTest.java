package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.desired.CronJobManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactModelTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void aCompactedObjectReadsAndSerializesAsBefore() {
    CronJob cronJob = readBack(CronJobManifest.of(
        ReconcilerFixtures.cronJob("compact", "0 3 * * *"), MockOperator.SETTINGS));
    String before = SERIALIZATION.asJson(cronJob);

    CompactModel.compact(cronJob);

    assertThat(SERIALIZATION.asJson(cronJob)).isEqualTo(before);
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
    // What is not empty stays as it was.
    assertThat(cronJob.getMetadata().getLabels()).isNotEmpty();
  }

  @Test
  void theOperatorsOwnResourcesAreCompactedToo() {
    NorthflankJob job = readBack(ReconcilerFixtures.cronJob("compact", "0 3 * * *"));
    String before = SERIALIZATION.asJson(job);

    CompactModel.compact(job);

    assertThat(job.getMetadata().getOwnerReferences()).isSameAs(List.of());
    assertThat(SERIALIZATION.asJson(job)).isEqualTo(before);
  }

  /** The object as a client reads it from the API server: through JSON. */
  @SuppressWarnings("unchecked")
  private static <T> T readBack(T object) {
    return (T) SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), object.getClass());
  }
}
