package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.Deployment;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.desired.CronJobManifest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredQuantitiesTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void quantitiesEqualInValueAreSpelledAsStored() {
    CronJob desired = desired();
    CronJob stored = SERIALIZATION.clone(desired);
    // What the API server keeps of 1000m, 1024Mi and 2048Mi.
    resources(stored).setLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi"),
        "ephemeral-storage", new Quantity("2Gi")));

    CronJob aligned = StoredQuantities.alignedWith(desired, stored, SERIALIZATION);

    assertThat(resources(aligned).getLimits()).containsOnly(
        Map.entry("cpu", new Quantity("1")), Map.entry("memory", new Quantity("1Gi")),
        Map.entry("ephemeral-storage", new Quantity("2Gi")));
    assertThat(resources(aligned).getLimits().values()).extracting(Quantity::toString)
        .containsExactlyInAnyOrder("1", "1Gi", "2Gi");
    assertThat(SERIALIZATION.asJson(aligned)).isNotEqualTo(SERIALIZATION.asJson(desired));
    // The desired object itself is left as it was: it is what gets applied.
    assertThat(resources(desired).getLimits().get("memory").toString()).isEqualTo("1024Mi");
  }

  @Test
  void quantitiesThatDifferInValueStayAsDesired() {
    CronJob desired = desired();
    CronJob stored = SERIALIZATION.clone(desired);
    resources(stored).getLimits().put("memory", new Quantity("2Gi"));
    resources(stored).getLimits().remove("cpu");

    CronJob aligned = StoredQuantities.alignedWith(desired, stored, SERIALIZATION);

    assertThat(resources(aligned).getLimits().get("memory").toString()).isEqualTo("1024Mi");
    assertThat(resources(aligned).getLimits().get("cpu").toString()).isEqualTo("1000m");
  }

  @Test
  void withoutAStoredCronJobTheDesiredOneIsKept() {
    CronJob desired = desired();

    assertThat(StoredQuantities.alignedWith(desired, null, SERIALIZATION)).isSameAs(desired);
  }

  private static CronJob desired() {
    NorthflankJob job = ReconcilerFixtures.cronJob("quantities", "0 3 * * *");
    job.getSpec().billing.deploymentPlan = "nf-compute-100-1";
    job.getSpec().deployment.storage = new Deployment.Storage();
    job.getSpec().deployment.storage.ephemeralStorage = new Deployment.EphemeralStorage();
    job.getSpec().deployment.storage.ephemeralStorage.storageSize = BigDecimal.valueOf(2048);
    CronJob desired = CronJobManifest.of(job, MockOperator.SETTINGS);
    assertThat(resources(desired).getLimits().values()).extracting(Quantity::toString)
        .containsExactlyInAnyOrder("1000m", "1024Mi", "2048Mi");
    return desired;
  }

  private static ResourceRequirements resources(CronJob cronJob) {
    return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers()
        .get(0).getResources();
  }
}
