package io.northflankjob.operator.cli;

import io.northflankjob.operator.config.OperatorSettings;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator's settings as options, each falling back on an environment variable and then on
 * {@link OperatorSettings#defaults()}. A mixin, so that every command that needs settings takes
 * the same options: {@code @Mixin SettingsOptions settings;} then {@code settings.toSettings()}.
 */
public final class SettingsOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(names = "--team", paramLabel = "TEAM",
      description = "Team in each job's status.appId (/<team>/<project>/<job>). Env NF_TEAM; default: default-team.")
  private String team;

  @Option(names = "--cluster-id", paramLabel = "ID",
      description = "status.cluster.id of every job. Env NF_CLUSTER_ID; default: local.")
  private String clusterId;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "status.cluster.name of every job. Env NF_CLUSTER_NAME; default: local.")
  private String clusterName;

  @Option(names = "--load-balancers", paramLabel = "DNS", split = ",",
      description = "status.cluster.loadBalancers of every job, comma-separated. Env NF_LOAD_BALANCERS; default: none.")
  private List<String> loadBalancers;

  @Option(names = "--request-modifier", paramLabel = "X",
      description = "CPU and memory requests are the plan's limits times X (0 < X <= 1). Env NF_REQUEST_MODIFIER; default: 1.")
  private Double requestModifier;

  @Option(names = "--watch-namespaces", paramLabel = "NS", split = ",",
      description = "Namespaces to watch, comma-separated. Env NF_WATCH_NAMESPACES; default: all.")
  private List<String> watchNamespaces;

  /** The settings from the options given, else the environment, else the defaults. */
  public OperatorSettings toSettings() {
    return toSettings(System.getenv());
  }

  OperatorSettings toSettings(Map<String, String> env) {
    OperatorSettings defaults = OperatorSettings.defaults();
    try {
      return new OperatorSettings(
          first(team, env.get("NF_TEAM"), defaults.team()),
          first(clusterId, env.get("NF_CLUSTER_ID"), defaults.clusterId()),
          first(clusterName, env.get("NF_CLUSTER_NAME"), defaults.clusterName()),
          list(loadBalancers, env.get("NF_LOAD_BALANCERS"), defaults.loadBalancers()),
          requestModifier(env.get("NF_REQUEST_MODIFIER"), defaults.requestModifier()),
          new LinkedHashSet<>(list(watchNamespaces, env.get("NF_WATCH_NAMESPACES"),
              List.copyOf(defaults.watchedNamespaces()))));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(),
          "--request-modifier (or NF_REQUEST_MODIFIER): " + e.getMessage());
    }
  }

  private double requestModifier(String fromEnv, double fallback) {
    if (requestModifier != null) {
      return requestModifier;
    }
    if (fromEnv == null || fromEnv.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(fromEnv.strip());
    } catch (NumberFormatException e) {
      throw new ParameterException(command.commandLine(),
          "NF_REQUEST_MODIFIER: '" + fromEnv + "' is not a number");
    }
  }

  private static String first(String option, String fromEnv, String fallback) {
    if (option != null) {
      return option;
    }
    return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv.strip();
  }

  private static List<String> list(List<String> option, String fromEnv, List<String> fallback) {
    List<String> values = option != null
        ? option
        : fromEnv == null || fromEnv.isBlank() ? fallback : Arrays.asList(fromEnv.split(","));
    return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
  }
}
