package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.northflankjob.operator.config.OperatorSettings;
import java.time.Clock;
import java.util.function.Consumer;

/** The operator: both controllers, watching all namespaces or the ones the settings name. */
public final class Operators {

  private Operators() {}

  /** Creates and starts the operator; stop it with {@link Operator#stop()}. */
  public static Operator start(KubernetesClient client, OperatorSettings settings) {
    Operator operator = create(client, settings, overrider -> {});
    operator.start();
    return operator;
  }

  /**
   * Creates the operator without starting it.
   *
   * @param configuration further JOSDK settings, applied after the operator's own
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      Consumer<ConfigurationServiceOverrider> configuration) {
    Operator operator = new Operator(overrider -> {
      overrider.withKubernetesClient(client).withCloseClientOnStop(false);
      configuration.accept(overrider);
    });
    Clock clock = Clock.systemUTC();
    operator.register(new NorthflankJobReconciler(settings, clock), namespaces(settings));
    operator.register(new NorthflankJobRunReconciler(settings, clock), namespaces(settings));
    return operator;
  }

  private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> namespaces(OperatorSettings settings) {
    return overrider -> {
      if (!settings.watchedNamespaces().isEmpty()) {
        overrider.settingNamespaces(settings.watchedNamespaces());
      }
    };
  }
}
