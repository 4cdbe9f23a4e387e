package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator as its own process, {@code java -jar ... run}, as the container runs it: its
 * settings from the environment, its output in target/e2e-logs/, shown when a test fails.
 */
final class OperatorProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String identity;
  private final int metricsPort;
  private final Process process;

  private OperatorProcess(String identity, int metricsPort, Process process) {
    this.identity = identity;
    this.metricsPort = metricsPort;
    this.process = process;
  }

  /**
   * Starts {@code java -jar ... run} with the admin kubeconfig.
   *
   * @param identity the process's HOSTNAME, which is its leader election identity, and the name
   *     of its log
   * @param env further settings, e.g. NF_WATCH_NAMESPACES
   */
  static OperatorProcess start(LocalCluster cluster, String identity, Map<String, String> env) {
    int port = freePort();
    Path log = cluster.root().resolve("target/e2e-logs/" + identity + ".log");
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(OperatorJar.command(cluster, "run"))
          .directory(cluster.root().toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> environment = new HashMap<>(env);
      environment.put("KUBECONFIG", cluster.kubeconfig().toString());
      environment.put("HOSTNAME", identity);
      environment.put("NF_METRICS_PORT", Integer.toString(port));
      builder.environment().putAll(environment);
      cluster.attachLog("operator " + identity, log);
      Process process = builder.start();
      // Never outlives the test run, whatever ends it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new OperatorProcess(identity, port, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the operator " + identity, e);
    }
  }

  String identity() {
    return identity;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The body of {@code GET /<path>} on the metrics port; fails unless the answer is 200. */
  String get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/" + path))
        .timeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET /" + path + " of " + identity + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new AssertionError("GET /" + path + " of " + identity + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until {@code /readyz} answers 200: the informers are synced (with leader election,
   * also on a replica that waits for the lease). A start on a busy machine may take a while.
   */
  void awaitReady(Duration within) {
    await().atMost(within).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .untilAsserted(() -> {
          assertThat(process.isAlive()).as("operator %s is running", identity).isTrue();
          get("readyz");
        });
  }

  /** SIGKILL: the process ends at once, without giving up its lease or finishing anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("operator " + identity + " still runs after SIGKILL");
    }
  }

  /** SIGTERM, then SIGKILL if it has not stopped after its grace period. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
