package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean live = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private OperatorMonitoring monitoring;
  private OpsServer server;

  @BeforeEach
  void start() throws IOException {
    monitoring = OperatorMonitoring.create();
    server = OpsServer.start(0, monitoring.registry(), live::get, ready::get);
  }

  @AfterEach
  void stop() {
    server.close();
    monitoring.close();
  }

  @Test
  void metricsServesCountersInPrometheusTextFormat() throws Exception {
    monitoring.runMetrics().started("team-a");
    monitoring.runMetrics().started("team-a");
    monitoring.runMetrics().failed("team-b");

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("northflank_job_runs_started_total{namespace=\"team-a\"} 2.0")
        .contains("northflank_job_runs_failed_total{namespace=\"team-b\"} 1.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void aPortInUseIsReportedAsASettingToChange() {
    assertThatThrownBy(() -> OpsServer.start(server.port(), monitoring.registry(), live::get, ready::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port " + server.port() + " is in use; set NF_METRICS_PORT to a free port");
  }

  @Test
  void healthzFollowsLiveness() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);

    live.set(false);

    assertThat(get("/healthz").statusCode()).isEqualTo(503);
  }

  @Test
  void readyzIsUnavailableUntilReady() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(503);

    ready.set(true);

    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingCheckIsReportedAsNotOk() throws Exception {
    server.close();
    server =
        OpsServer.start(
            0,
            monitoring.registry(),
            () -> {
              throw new IllegalStateException("boom");
            },
            ready::get);

    assertThat(get("/healthz").statusCode()).isEqualTo(503);
  }

  @Test
  void servesOnlyItsPathsAndReadMethods() throws Exception {
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);

    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/readyz"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);

    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(uri("/healthz")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
