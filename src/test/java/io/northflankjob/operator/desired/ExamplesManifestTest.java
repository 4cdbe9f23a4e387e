package io.northflankjob.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.config.OperatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manifests under examples/ render to what their comments promise. */
class ExamplesManifestTest {

  private static final OperatorSettings SETTINGS = OperatorSettings.defaults();

  @ParameterizedTest
  @ValueSource(strings = {
      "cron-job.yaml", "command-override.yaml", "plan-and-storage.yaml", "runtime-environment.yaml",
      "suspended.yaml"})
  void everyCronExampleRendersACronJobOfItsName(String file) throws IOException {
    NorthflankJob job = load(file, NorthflankJob.class);

    CronJob cronJob = CronJobManifest.of(job, SETTINGS);

    assertThat(job.getSpec().jobType).isEqualTo(JobType.CRON);
    assertThat(cronJob.getMetadata().getName()).isEqualTo(job.getMetadata().getName());
  }

  @Test
  void commandOverrideSplitsAsItsCommentSays() throws IOException {
    CronJob cronJob = CronJobManifest.of(load("command-override.yaml", NorthflankJob.class), SETTINGS);

    Container container = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getCommand()).containsExactly("/bin/sh", "-c");
    assertThat(container.getArgs()).containsExactly("echo \"report for $(date)\" && sleep 2");
  }

  @Test
  void planAndStorageSizesAsItsCommentSays() throws IOException {
    CronJob cronJob = CronJobManifest.of(load("plan-and-storage.yaml", NorthflankJob.class), SETTINGS);

    Container container = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getResources().getLimits()).containsOnly(
        entry("cpu", new Quantity("1000", "m")),
        entry("memory", new Quantity("2048", "Mi")),
        entry("ephemeral-storage", new Quantity("4096", "Mi")));
  }

  @Test
  void suspendedRendersASuspendedCronJob() throws IOException {
    CronJob cronJob = CronJobManifest.of(load("suspended.yaml", NorthflankJob.class), SETTINGS);

    assertThat(cronJob.getSpec().getSuspend()).isTrue();
  }

  @Test
  void theRunExampleRendersAJobOfTheManualExample() throws IOException {
    NorthflankJob job = load("manual-job.yaml", NorthflankJob.class);
    NorthflankJobRun run = load("run.yaml", NorthflankJobRun.class);

    Job k8sJob = RunJobManifest.of(job, run, SETTINGS);

    Container container = k8sJob.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(k8sJob.getMetadata().getName()).isEqualTo("db-migrate-001");
    assertThat(container.getArgs()).containsExactly("sh", "-c", "echo migrating; sleep 5; echo done");
    assertThat(container.getEnv()).anySatisfy(env -> {
      assertThat(env.getName()).isEqualTo("DRY_RUN");
      assertThat(env.getValue()).isEqualTo("true");
    });
  }

  private static <T> T load(String file, Class<T> type) throws IOException {
    try (InputStream yaml = Files.newInputStream(Path.of("examples", file))) {
      return Serialization.unmarshal(yaml, type);
    }
  }
}
