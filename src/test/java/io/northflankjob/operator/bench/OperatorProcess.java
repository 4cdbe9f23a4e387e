package io.northflankjob.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator ({@link BenchOperator}) in a JVM of its own, so its heap is its own. */
final class OperatorProcess implements AutoCloseable {

  private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
  private static final Pattern HISTOGRAM_TOTAL =
      Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$", Pattern.MULTILINE);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;
  private final long startedNanos;

  private OperatorProcess(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts the operator against the API server of {@code kubeconfig}.
   *
   * @param jvmOptions e.g. the heap size and a flight recording
   * @param log where the operator's output goes
   */
  static OperatorProcess start(Path kubeconfig, List<String> jvmOptions, Path log)
      throws IOException {
    int port = LocalApiServer.freePort();
    List<String> command = new ArrayList<>();
    command.add(JAVA_BIN.resolve("java").toString());
    command.addAll(jvmOptions);
    // The test classpath has logback-test.xml first; the operator logs as it does in production.
    command.add("-Dlogback.configurationFile="
        + Path.of("target", "classes", "logback.xml").toAbsolutePath());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        BenchOperator.class.getName(), Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    long started = System.nanoTime();
    return new OperatorProcess(builder.start(), port, started);
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the operator's JVM has used so far. */
  Duration cpu() {
    return Cpu.of(process);
  }

  long startedNanos() {
    return startedNanos;
  }

  /** Waits until every informer of the operator has synced. */
  void awaitReady(Duration timeout) throws InterruptedException {
    Waits.until("the operator to be ready", timeout, () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("the operator exited with " + process.exitValue());
      }
      return get("/readyz").statusCode() == 200;
    });
  }

  /** Reconciles of NorthflankJobs finished so far, from the operator's own metrics. */
  long jobReconciles() {
    return (long) sum(get("/metrics").body(), "operator_sdk_reconciliations_success_total",
        "kind=\"NorthflankJob\"");
  }

  /** Whether no reconcile of a NorthflankJob is running or waiting. */
  boolean idle() {
    String metrics = get("/metrics").body();
    return sum(metrics, "operator_sdk_reconciliations_executions_northflankjob", "") == 0
        && sum(metrics, "operator_sdk_reconciliations_queue_size_northflankjob", "") == 0;
  }

  /** The operator's metrics in the Prometheus text format. */
  String metrics() {
    return get("/metrics").body();
  }

  /**
   * The live heap: the total of the class histogram of live objects, which the JVM takes after a
   * full collection whichever collector it runs. Also writes that histogram (largest first) to
   * {@code histogram}, to see where it goes.
   */
  long liveHeapBytes(Path histogram) throws IOException, InterruptedException {
    jcmd("GC.run");
    String classes = jcmd("GC.class_histogram");
    Matcher total = HISTOGRAM_TOTAL.matcher(classes);
    if (!total.find()) {
      throw new IllegalStateException("no total in the class histogram: " + classes);
    }
    Files.writeString(histogram, classes);
    return Long.parseLong(total.group(1));
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(JAVA_BIN.resolve("jcmd").toString(),
        Long.toString(process.pid()), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  private HttpResponse<String> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sum of the samples of a metric whose labels contain {@code labels}. */
  static double sum(String metrics, String name, String labels) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(labels)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /** Stops the operator as Kubernetes would (SIGTERM), then forcibly if it hangs. */
  @Override
  public void close() {
    stop(process);
  }

  /** Stops a process with SIGTERM, then forcibly if it has not ended within 30 seconds. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
