package io.northflankjob.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jobs of the benchmark: copies of examples/cron-job.yaml (the example of Northflank's Get
 * job page, with an image) on the page's schedule, "30 8 * * *", named bench-00001 and so on.
 */
final class Workload {

  static final String NAMESPACE = "bench";
  static final String SCHEDULE = "30 8 * * *";

  private final KubernetesSerialization serialization;
  private final NorthflankJob template;

  private Workload(KubernetesSerialization serialization, NorthflankJob template) {
    this.serialization = serialization;
    this.template = template;
  }

  static Workload fromExample(KubernetesClient client) {
    try (InputStream in = Files.newInputStream(Path.of("examples", "cron-job.yaml"))) {
      NorthflankJob job = client.getKubernetesSerialization().unmarshal(in, NorthflankJob.class);
      job.getSpec().settings.cron.schedule = SCHEDULE;
      return new Workload(client.getKubernetesSerialization(), job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(int index) {
    return "bench-%05d".formatted(index + 1);
  }

  /** The job with this index, not yet stored. */
  NorthflankJob job(int index) {
    NorthflankJob job = serialization.clone(template);
    job.getMetadata().setName(name(index));
    job.getMetadata().setNamespace(NAMESPACE);
    return job;
  }
}
