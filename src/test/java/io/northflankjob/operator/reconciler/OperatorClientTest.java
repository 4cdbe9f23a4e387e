package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.desired.CronJobManifest;
import org.junit.jupiter.api.Test;

class OperatorClientTest {

  private final KubernetesSerialization serialization = OperatorClient.serialization();

  @Test
  void equalStringsReadFromTwoObjectsAreOneInstance() {
    String json = serialization.asJson(
        CronJobManifest.of(ReconcilerFixtures.cronJob("nightly", "0 3 * * *"), MockOperator.SETTINGS));

    CronJob first = serialization.unmarshal(json, CronJob.class);
    CronJob second = serialization.unmarshal(json, CronJob.class);

    assertThat(second.getSpec().getSchedule()).isSameAs(first.getSpec().getSchedule());
    assertThat(second.getMetadata().getLabels().get("app.kubernetes.io/managed-by"))
        .isSameAs(first.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
    assertThat(second.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
        .getContainers().get(0).getImage())
        .isSameAs(first.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
            .getContainers().get(0).getImage());
  }

  @Test
  void objectsReadTheSameAsWithFabric8sDefaults() {
    NorthflankJob job = ReconcilerFixtures.cronJob("nightly", "0 3 * * *");
    String json = new KubernetesSerialization().asJson(job);

    NorthflankJob read = serialization.unmarshal(json, NorthflankJob.class);

    assertThat(serialization.asJson(read)).isEqualTo(json);
    assertThat(read.getSpec().settings.cron.schedule).isEqualTo("0 3 * * *");
  }
}
