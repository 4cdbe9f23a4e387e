package io.northflankjob.operator.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.reconciler.Operators;
import java.time.Duration;
import java.util.Set;

/**
 * The operator running in the test JVM, watching only the namespaces of one test class, so test
 * classes running side by side each have their own.
 */
final class InJvmOperator implements AutoCloseable {

  private final KubernetesClient client;
  private final Operator operator;

  private InJvmOperator(KubernetesClient client, Operator operator) {
    this.client = client;
    this.operator = operator;
  }

  /** Starts an operator that watches the namespace with the given client, which it closes. */
  static InJvmOperator start(KubernetesClient client, String namespace) {
    OperatorSettings defaults = OperatorSettings.defaults();
    OperatorSettings settings = new OperatorSettings(defaults.team(), defaults.clusterId(),
        defaults.clusterName(), defaults.loadBalancers(), defaults.requestModifier(), Set.of(namespace));
    // Reconciles in flight finish before the client is closed, as the operator's command does.
    Operator operator = Operators.create(client, settings,
        overrider -> overrider.withReconciliationTerminationTimeout(Duration.ofSeconds(10)));
    operator.start();
    return new InJvmOperator(client, operator);
  }

  KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    operator.stop();
    client.close();
  }
}
