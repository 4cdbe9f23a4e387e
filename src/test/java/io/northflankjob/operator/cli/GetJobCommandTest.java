package io.northflankjob.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.cli.ClusterCommands.Result;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code get job} against the Fabric8 mock server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class GetJobCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void installCrds() {
    ClusterCommands.installCrds(client);
  }

  @Test
  void printsTheJobAsThePageExampleShowsIt() throws IOException {
    store(exampleJob());

    Result result = ClusterCommands.run(client, "get", "job", "example-job", "-n", "default-project");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    // Text for text: the page's fields, their order, its indentation.
    assertThat(result.out()).isEqualTo(resource("northflank-get-job.example.json").strip() + "\n");
  }

  @Test
  void yamlHasTheSameFieldsInTheSameOrder() throws IOException {
    NorthflankJob job = exampleJob();
    // A schedule that is not valid YAML unquoted.
    job.getSpec().settings.cron.schedule = "* * * * *";
    store(job);

    Result result = ClusterCommands.run(client, "get", "job", "example-job", "-n", "default-project",
        "-o", "yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("data:\n  id: example-job\n")
        // YAML 1.1 readers would take it for a timestamp unquoted.
        .contains("\n  createdAt: \"2021-01-20T11:19:53.175Z\"\n");
    JsonNode expected = JSON.readTree(resource("northflank-get-job.example.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/data/settings/cron"))
        .put("schedule", "* * * * *");
    JsonNode printed = new YAMLMapper().readTree(result.out());
    // Compared as text, so the order of the fields counts.
    assertThat(JSON.writeValueAsString(printed)).isEqualTo(JSON.writeValueAsString(expected));
  }

  @Test
  void theNamespaceIsTheKubeconfigContextsByDefault() {
    NorthflankJob job = exampleJob();
    job.getMetadata().setNamespace(client.getNamespace());
    store(job);

    Result result = ClusterCommands.run(client, "get", "job", "example-job");

    assertThat(client.getNamespace()).isEqualTo("test");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"id\": \"example-job\"");
  }

  @Test
  void withoutAContextNamespaceTheNamespaceIsDefault() {
    NorthflankJob job = exampleJob();
    job.getMetadata().setNamespace("default");
    store(job);

    Result result = ClusterCommands.run(
        ClusterCommands.clientsLike(new ConfigBuilder(client.getConfiguration()).withNamespace(null).build()),
        "get", "job", "example-job");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aMissingJobIsOneLineNamingItAndExitStatus1() {
    Result result = ClusterCommands.run(client, "get", "job", "missing", "-n", "team-a");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("error: NorthflankJob team-a/missing not found\n");
  }

  @Test
  void anUnreachableClusterIsOneLineAndExitStatus1() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://localhost:" + closedPort;

    Result result = ClusterCommands.run(ClusterCommands.clientsLike(new ConfigBuilder()
            .withMasterUrl(url).withNamespace("test").withRequestRetryBackoffLimit(0).build()),
        "get", "job", "example-job");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo(
        "error: cannot reach the cluster at " + url + "/: connection refused\n");
  }

  @Test
  void aRefusedRequestSaysWhatTheServerSaid() {
    server.expect().get()
        .withPath("/apis/northflank.com/v1alpha1/namespaces/test/northflankjobs/secret")
        .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
            .withMessage("northflankjobs.northflank.com \"secret\" is forbidden").build())
        .once();

    Result result = ClusterCommands.run(client, "get", "job", "secret");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: the cluster at " + client.getMasterUrl()
        + " answered HTTP 403: northflankjobs.northflank.com \"secret\" is forbidden\n");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Result result = ClusterCommands.run(client, "get", "job", "example-job", "-o", "xml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("-o", "xml");
  }

  /** Creates the job and writes its status, as the operator would have. */
  private void store(NorthflankJob job) {
    NorthflankJobStatus status = job.getStatus();
    job.setStatus(null);
    job.getMetadata().setCreationTimestamp(null);
    NorthflankJob created = client.resource(job).create();
    created.setStatus(status);
    client.resource(created).updateStatus();
  }

  private static NorthflankJob exampleJob() {
    try (InputStream in = GetJobCommandTest.class.getResourceAsStream(
        "/northflank-get-job.example-job.yaml")) {
      return new KubernetesSerialization().unmarshal(in, NorthflankJob.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = GetJobCommandTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
