package io.northflankjob.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs the cluster commands against a cluster of a test, as the jar would run them. */
final class ClusterCommands {

  private ClusterCommands() {}

  record Result(int exitCode, String out, String err) {}

  /** Runs {@code args}; each command opens (and closes) a client like {@code client}. */
  static Result run(KubernetesClient client, String... args) {
    return run(clientsLike(client.getConfiguration()), args);
  }

  static Result run(Supplier<KubernetesClient> clients, String... args) {
    CommandLine commandLine = Main.commandLine(clients);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  static Supplier<KubernetesClient> clientsLike(Config config) {
    return () -> new KubernetesClientBuilder().withConfig(new ConfigBuilder(config).build()).build();
  }

  /** The CRDs, so the mock server knows their status subresource. */
  static void installCrds(KubernetesClient client) {
    for (String file : new String[] {"crds/northflankjobs.northflank.com.yaml",
        "crds/northflankjobruns.northflank.com.yaml"}) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        client.apiextensions().v1().customResourceDefinitions().load(in).create();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
