package io.northflankjob.operator.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.ops.CommonPool;
import io.northflankjob.operator.ops.OperatorHealth;
import io.northflankjob.operator.ops.OperatorMonitoring;
import io.northflankjob.operator.reconciler.OperatorClient;
import io.northflankjob.operator.reconciler.Operators;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The operator as the {@code run} command wires it (its own client from the kubeconfig, the
 * Prometheus registry with the Java Operator SDK's meters, default settings), in its own JVM,
 * with {@code /metrics} and {@code /readyz} served on loopback only. Usage: {@code BenchOperator
 * PORT}.
 */
public final class BenchOperator {

  private BenchOperator() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    CommonPool.sizeForOperator();
    int port = Integer.parseInt(args[0]);
    CountDownLatch stopped = new CountDownLatch(1);
    try (KubernetesClient client = OperatorClient.create();
        OperatorMonitoring monitoring = OperatorMonitoring.create()) {
      Operator operator = Operators.create(client, OperatorSettings.defaults(),
          overrider -> overrider.withMetrics(monitoring.josdkMetrics()));
      OperatorHealth health = OperatorHealth.of(operator);
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext("/metrics", exchange -> respond(exchange, 200,
          monitoring.registry().scrape()));
      server.createContext("/readyz", exchange -> {
        boolean ready = health.ready();
        respond(exchange, ready ? 200 : 503, ready ? "ok" : "not ready");
      });
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        operator.stop();
        server.stop(0);
        stopped.countDown();
      }, "operator-shutdown"));
      operator.start();
      stopped.await();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
