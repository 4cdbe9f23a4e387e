package io.northflankjob.operator.ops;

import java.util.Map;
import java.util.Optional;

/**
 * How the operator process is run, as opposed to what it writes ({@code OperatorSettings}).
 *
 * @param metricsPort the port of {@link OpsServer} (NF_METRICS_PORT, default 8080)
 * @param logFormat NF_LOG_FORMAT, {@code text} (default) or {@code json}
 * @param leaderElection NF_LEADER_ELECTION, {@code true} or {@code false} (default, for local runs)
 * @param leaseNamespace where the leader lease lives: NF_LEADER_ELECTION_NAMESPACE, else the pod's
 *     namespace (POD_NAMESPACE, set by the chart from the downward API); empty lets the Java
 *     Operator SDK use the namespace of the in-cluster service account
 */
public record OpsSettings(
    int metricsPort, LogFormat logFormat, boolean leaderElection, Optional<String> leaseNamespace) {

  public static final int DEFAULT_METRICS_PORT = 8080;

  public OpsSettings {
    if (metricsPort < 1 || metricsPort > 65535) {
      throw new IllegalArgumentException(
          "NF_METRICS_PORT must be between 1 and 65535, was " + metricsPort);
    }
  }

  /** Reads the settings from environment variables, failing with a message that names the one. */
  public static OpsSettings fromEnv(Map<String, String> env) {
    return new OpsSettings(
        port(env.get("NF_METRICS_PORT")),
        logFormat(env.get("NF_LOG_FORMAT")),
        bool("NF_LEADER_ELECTION", env.get("NF_LEADER_ELECTION")),
        nonBlank(env.get("NF_LEADER_ELECTION_NAMESPACE"))
            .or(() -> nonBlank(env.get("POD_NAMESPACE"))));
  }

  private static int port(String value) {
    if (nonBlank(value).isEmpty()) {
      return DEFAULT_METRICS_PORT;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("NF_METRICS_PORT must be a port number, was '" + value + "'");
    }
  }

  private static LogFormat logFormat(String value) {
    if (nonBlank(value).isEmpty()) {
      return LogFormat.TEXT;
    }
    try {
      return LogFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NF_LOG_FORMAT: " + e.getMessage(), e);
    }
  }

  private static boolean bool(String name, String value) {
    if (nonBlank(value).isEmpty()) {
      return false;
    }
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          name + " must be true or false, was '" + value + "'");
    };
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
