package io.northflankjob.operator.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator's jar, as a user runs it: {@code java -jar target/northflank-job-operator.jar}. */
final class OperatorJar {

  private OperatorJar() {}

  /** {@code java -jar <jar> args...}. */
  static List<String> command(LocalCluster cluster, String... args) {
    Path jar = cluster.root().resolve("target/northflank-job-operator.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; `mvn -Pe2e verify` builds it before the tests");
    }
    // With the JVM options the container image runs it with.
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + cluster.root().resolve("jvm.options"), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs a command of the CLI to its end against the cluster, as the cluster admin. */
  static ExternalCommand.Result cli(LocalCluster cluster, Duration timeout, String... args) {
    return ExternalCommand.run(cluster.root(), Map.of("KUBECONFIG", cluster.kubeconfig().toString()),
        timeout, command(cluster, args));
  }
}
