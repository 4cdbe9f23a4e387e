package io.northflankjob.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.northflankjob.operator.ops.LeaderElection;
import io.northflankjob.operator.ops.OperatorHealth;
import io.northflankjob.operator.ops.OperatorMonitoring;
import io.northflankjob.operator.ops.OpsServer;
import io.northflankjob.operator.ops.OpsSettings;
import io.northflankjob.operator.reconciler.OperatorClient;
import io.northflankjob.operator.reconciler.Operators;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the operator until the process is stopped. */
@Command(
    name = "run",
    sortOptions = false,
    description = {
        "Runs the operator against the cluster of the current kubeconfig (or, in a pod, its"
            + " service account) until stopped: NorthflankJobs become CronJobs, NorthflankJobRuns"
            + " become Jobs, and both get their status.",
        "Metrics, /healthz and /readyz are served on NF_METRICS_PORT (default 8080);"
            + " NF_LEADER_ELECTION=true makes replicas share the work through a Lease."})
public final class RunCommand implements Callable<Integer> {

  /** How long reconciles in flight may take to finish when the process is stopped. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Mixin
  private SettingsOptions settingsOptions;

  @Override
  public Integer call() throws IOException, InterruptedException {
    OpsSettings ops = OpsSettings.fromEnv(System.getenv());
    CountDownLatch stopped = new CountDownLatch(1);
    try (KubernetesClient client = OperatorClient.create();
        OperatorMonitoring monitoring = OperatorMonitoring.create()) {
      Operator operator = Operators.create(client, settingsOptions.toSettings(),
          monitoring.runMetrics(), overrider -> {
            overrider.withMetrics(monitoring.josdkMetrics()).withReconciliationTerminationTimeout(GRACE);
            LeaderElection.configuration(ops).ifPresent(overrider::withLeaderElectionConfiguration);
          });
      OperatorHealth health = OperatorHealth.of(operator);
      // The probes answer while the informers sync, so a slow start is not taken for a dead one.
      try (OpsServer server = OpsServer.start(ops.metricsPort(), monitoring.registry(), health::live, health::ready)) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          operator.stop();
          stopped.countDown();
        }, "operator-shutdown"));
        operator.start();
        stopped.await();
      }
    }
    return 0;
  }
}
