package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoredFormTest {

  @Test
  void quantitiesTheServerRewroteAreComparedAsItStoredThem() {
    CronJob desired = cronJob(container(Map.of("cpu", "1000m", "memory", "2048Mi", "ephemeral-storage", "1024Mi")));
    CronJob stored = cronJob(container(Map.of("cpu", "1", "memory", "2Gi", "ephemeral-storage", "1Gi")));

    Container result = container(StoredForm.of(desired, stored));

    assertThat(amounts(result.getResources().getLimits()))
        .containsOnly(entry("cpu", "1"), entry("memory", "2Gi"), entry("ephemeral-storage", "1Gi"));
    assertThat(amounts(result.getResources().getRequests()))
        .containsOnly(entry("cpu", "1"), entry("memory", "2Gi"), entry("ephemeral-storage", "1Gi"));
  }

  @Test
  void aChangedAmountStaysAsDesired() {
    CronJob desired = cronJob(container(Map.of("cpu", "2000m", "memory", "4096Mi")));
    CronJob stored = cronJob(container(Map.of("cpu", "1", "memory", "2Gi")));

    Container result = container(StoredForm.of(desired, stored));

    assertThat(amounts(result.getResources().getLimits()))
        .containsOnly(entry("cpu", "2000m"), entry("memory", "4096Mi"));
  }

  @Test
  void theDesiredCronJobIsLeftAsItIs() {
    CronJob desired = cronJob(container(Map.of("memory", "1024Mi")));
    CronJob before = new CronJobBuilder(desired).build();

    StoredForm.of(desired, cronJob(container(Map.of("memory", "1Gi"))));

    assertThat(desired).isEqualTo(before);
    assertThat(amounts(container(desired).getResources().getLimits())).containsOnly(entry("memory", "1024Mi"));
  }

  private static Container container(Map<String, String> amounts) {
    Map<String, Quantity> quantities = amounts.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> new Quantity(e.getValue())));
    return new ContainerBuilder()
        .withName("job")
        .withImage("busybox:1.36")
        .withNewResources().withLimits(quantities).withRequests(quantities).endResources()
        .build();
  }

  private static CronJob cronJob(Container container) {
    return new CronJobBuilder()
        .withNewMetadata().withName("nightly").withNamespace("team").endMetadata()
        .withNewSpec()
            .withSchedule("0 3 * * *")
            .withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
                .withContainers(container)
            .endSpec().endTemplate().endSpec().endJobTemplate()
        .endSpec()
        .build();
  }

  private static Container container(CronJob cronJob) {
    return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> amounts(Map<String, Quantity> quantities) {
    return quantities.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
  }
}
