package io.northflankjob.operator.e2e;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.reconciler.Operators;
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

  /** Creates the namespace and starts an operator that watches it with the given client. */
  static InJvmOperator start(KubernetesClient client, String namespace) {
    createNamespace(client, namespace);
    OperatorSettings defaults = OperatorSettings.defaults();
    OperatorSettings settings = new OperatorSettings(defaults.team(), defaults.clusterId(),
        defaults.clusterName(), defaults.loadBalancers(), defaults.requestModifier(), Set.of(namespace));
    Operator operator = Operators.create(client, settings, overrider -> {});
    operator.start();
    return new InJvmOperator(client, operator);
  }

  static void createNamespace(KubernetesClient client, String namespace) {
    client.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
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
