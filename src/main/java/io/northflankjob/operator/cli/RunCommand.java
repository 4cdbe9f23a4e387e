package io.northflankjob.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.northflankjob.operator.reconciler.Operators;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the operator until the process is stopped. */
@Command(
    name = "run",
    sortOptions = false,
    description = {
        "Runs the operator against the cluster of the current kubeconfig (or, in a pod, its"
            + " service account) until stopped: NorthflankJobs become CronJobs, NorthflankJobRuns"
            + " become Jobs, and both get their status."})
public final class RunCommand implements Callable<Integer> {

  /** How long reconciles in flight may take to finish when the process is stopped. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Mixin
  private SettingsOptions settingsOptions;

  @Override
  public Integer call() throws InterruptedException {
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator = Operators.start(client, settingsOptions.toSettings());
    operator.installShutdownHook(GRACE);
    // The operator's threads do the work; this one waits for the shutdown hook to end the process.
    Thread.currentThread().join();
    return 0;
  }
}
