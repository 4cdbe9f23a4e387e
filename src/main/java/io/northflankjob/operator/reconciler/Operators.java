package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.ops.RunMetrics;
import io.northflankjob.operator.validation.SchemaValidator;
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
   * Creates the operator without starting it; the runs it counts go to a registry of their own
   * that nothing reads. The operator's command passes its {@link RunMetrics} to
   * {@link #create(KubernetesClient, OperatorSettings, RunMetrics, Consumer)} instead.
   *
   * @param configuration further JOSDK settings, applied after the operator's own
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      Consumer<ConfigurationServiceOverrider> configuration) {
    return create(client, settings, new RunMetrics(new SimpleMeterRegistry()), configuration);
  }

  /**
   * Creates the operator without starting it.
   *
   * @param runMetrics counts every run once: the NorthflankJobRun controller counts runs started
   *     by hand, the NorthflankJob controller the runs CronJobs start
   * @param configuration further JOSDK settings, applied after the operator's own
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      RunMetrics runMetrics,
      Consumer<ConfigurationServiceOverrider> configuration) {
    // The CRDs' schemas and rules, which every reconcile validates against, are loaded now: a
    // jar that cannot load them fails at start, and the first reconciles do not wait for them.
    SchemaValidator.forJobs();
    SchemaValidator.forRuns();
    Operator operator = new Operator(overrider -> {
      overrider.withKubernetesClient(client).withCloseClientOnStop(false);
      configuration.accept(overrider);
    });
    Clock clock = Clock.systemUTC();
    operator.register(new NorthflankJobReconciler(settings, clock, runMetrics), informer(settings));
    operator.register(
        new NorthflankJobRunReconciler(settings, clock, runMetrics), informer(settings));
    return operator;
  }

  /** The primary informer: the namespaces the settings name, and its objects pruned. */
  private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> informer(
      OperatorSettings settings) {
    return overrider -> {
      if (!settings.watchedNamespaces().isEmpty()) {
        overrider.settingNamespaces(settings.watchedNamespaces());
      }
      PrunedItemStore.<P>withoutManagedFields(settings).ifPresent(overrider::withItemStore);
    };
  }
}
