package io.northflankjob.operator.ops;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The operator's metrics: one Prometheus registry holding the JVM's meters, the Java Operator
 * SDK's reconciliation meters and the {@link RunMetrics}. Served by {@link OpsServer}.
 *
 * <p>Pass {@link #josdkMetrics()} to {@code ConfigurationServiceOverrider.withMetrics} when
 * creating the {@code Operator}.
 */
public final class OperatorMonitoring implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics;
  private final MicrometerMetrics josdkMetrics;
  private final RunMetrics runMetrics;

  private OperatorMonitoring(PrometheusMeterRegistry registry) {
    this.registry = registry;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    // Per-resource meters would add a time series per NorthflankJob; per controller is enough.
    josdkMetrics = MicrometerMetrics.withoutPerResourceMetrics(registry);
    runMetrics = new RunMetrics(registry);
  }

  public static OperatorMonitoring create() {
    return new OperatorMonitoring(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Java Operator SDK's metrics, recorded into {@link #registry()}. */
  public Metrics josdkMetrics() {
    return josdkMetrics;
  }

  public RunMetrics runMetrics() {
    return runMetrics;
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
