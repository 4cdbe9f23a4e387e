package io.northflankjob.operator.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoints on one port, for Prometheus and the kubelet:
 *
 * <ul>
 *   <li>{@code /metrics}: the registry in the Prometheus text format;
 *   <li>{@code /healthz}: 200 while {@code live} holds, else 503 (liveness probe);
 *   <li>{@code /readyz}: 200 while {@code ready} holds, else 503 (readiness probe).
 * </ul>
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";
  /** Prometheus text exposition format 0.0.4, which every Prometheus version scrapes. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on all interfaces.
   *
   * @param port the port to listen on; 0 picks a free one (see {@link #port()})
   */
  public static OpsServer start(
      int port, PrometheusMeterRegistry registry, BooleanSupplier live, BooleanSupplier ready)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (BindException e) {
      throw new IllegalArgumentException(
          "port " + port + " is in use; set NF_METRICS_PORT to a free port", e);
    }
    server.createContext("/metrics", exchange -> serveMetrics(exchange, registry));
    server.createContext("/healthz", exchange -> serveCheck(exchange, "/healthz", live));
    server.createContext("/readyz", exchange -> serveCheck(exchange, "/readyz", ready));
    // Two workers: a slow scrape does not hold up a probe.
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "ops-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    LOG.info("Serving /metrics, /healthz and /readyz on port {}", server.getAddress().getPort());
    return new OpsServer(server, executor);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving. Until then the server's dispatcher thread keeps the JVM running. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serveMetrics(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    if (!exactPathAndReadMethod(exchange, "/metrics")) {
      return;
    }
    byte[] body;
    try {
      body = registry.scrape(PROMETHEUS_TEXT).getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      LOG.warn("Could not render the metrics", e);
      respond(exchange, 500, TEXT, "could not render the metrics\n");
      return;
    }
    respond(exchange, 200, PROMETHEUS_TEXT, body);
  }

  private static void serveCheck(HttpExchange exchange, String path, BooleanSupplier check)
      throws IOException {
    if (!exactPathAndReadMethod(exchange, path)) {
      return;
    }
    boolean ok;
    try {
      ok = check.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.warn("{} check failed", path, e);
      ok = false;
    }
    respond(exchange, ok ? 200 : 503, TEXT, ok ? "ok\n" : "not ok\n");
  }

  /** Answers 404 or 405 itself and returns false when the request is not a GET or HEAD of path. */
  private static boolean exactPathAndReadMethod(HttpExchange exchange, String path)
      throws IOException {
    // A context matches every path below it too; only the exact path is served.
    if (!exchange.getRequestURI().getPath().equals(path)) {
      respond(exchange, 404, TEXT, "not found\n");
      return false;
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      respond(exchange, 405, TEXT, "method not allowed\n");
      return false;
    }
    return true;
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
