package io.northflankjob.operator.ops;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness of the operator, from the Java Operator SDK's runtime information, for
 * {@link OpsServer}.
 *
 * <ul>
 *   <li>live: until the operator, once started, has stopped. A process that is still starting is
 *       live, so a slow start does not get the pod restarted.
 *   <li>ready: the operator has started and every informer and event source of every controller
 *       is healthy (synced and watching). Replicas waiting for the leader lease are ready too:
 *       their informers run, only reconciling waits.
 * </ul>
 */
public final class OperatorHealth {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorHealth.class);

  private final Supplier<RuntimeInfo> runtimeInfo;
  private volatile boolean seenStarted;

  /** Reads a fresh {@link RuntimeInfo} on every check: it holds the controllers it was made with. */
  OperatorHealth(Supplier<RuntimeInfo> runtimeInfo) {
    this.runtimeInfo = runtimeInfo;
  }

  public static OperatorHealth of(Operator operator) {
    return new OperatorHealth(operator::getRuntimeInfo);
  }

  public boolean live() {
    if (runtimeInfo.get().isStarted()) {
      seenStarted = true;
      return true;
    }
    return !seenStarted;
  }

  public boolean ready() {
    RuntimeInfo info = runtimeInfo.get();
    // Before the start, every event source query would log a warning: answer without asking.
    if (!info.isStarted()) {
      return false;
    }
    seenStarted = true;
    if (info.allEventSourcesAreHealthy()) {
      return true;
    }
    LOG.debug("Not ready, unhealthy event sources: {}", info.unhealthyEventSources());
    return false;
  }
}
