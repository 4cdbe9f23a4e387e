package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Renders the chart with {@code helm template} (HELM, else bin/helm; `make tools` builds it) and
 * checks what the chart promises: least-privilege RBAC by scope and a restricted pod.
 */
class HelmChartRenderTest {

  private static final String CHART = "helm/northflank-job-operator";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void byDefaultGrantsAClusterRoleWithoutWildcardsSecretsOrPods() throws Exception {
    List<JsonNode> objects = render();

    JsonNode clusterRole = only(objects, "ClusterRole");
    assertThat(kinds(objects)).contains("ClusterRoleBinding").doesNotContain("ServiceMonitor");
    // The only Role is the leader election one.
    assertThat(texts(only(objects, "Role").path("rules").findPath("resources")))
        .containsExactly("leases");
    List<String> grants = new ArrayList<>();
    for (JsonNode rule : clusterRole.path("rules")) {
      for (String field : List.of("apiGroups", "resources", "verbs")) {
        assertThat(texts(rule.path(field))).doesNotContain("*");
      }
      texts(rule.path("resources")).forEach(grants::add);
    }
    assertThat(grants).doesNotContain("secrets", "pods", "configmaps");
    assertThat(grants)
        .contains("northflankjobs", "northflankjobs/status", "cronjobs", "jobs", "events");
  }

  @Test
  void watchNamespacesGrantsARolePerNamespaceAndNoClusterRole() throws Exception {
    List<JsonNode> objects =
        render("--set", "watchNamespaces={team-a,team-b}", "--set", "leaderElection.enabled=false");

    assertThat(kinds(objects)).doesNotContain("ClusterRole", "ClusterRoleBinding");
    assertThat(
            objects.stream()
                .filter(o -> o.path("kind").asText().equals("RoleBinding"))
                .map(o -> o.path("metadata").path("namespace").asText()))
        .containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(env(only(objects, "Deployment"), "NF_WATCH_NAMESPACES")).hasValue("team-a,team-b");
  }

  @Test
  void leaderElectionGetsALeaseRoleInTheReleaseNamespace() throws Exception {
    List<JsonNode> objects = render();

    JsonNode role = only(objects, "Role");
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo("northflank-system");
    assertThat(texts(role.path("rules").path(0).path("resources"))).containsExactly("leases");
    assertThat(env(only(objects, "Deployment"), "NF_LEADER_ELECTION")).hasValue("true");
  }

  @Test
  void podMeetsTheRestrictedPodSecurityStandard() throws Exception {
    JsonNode pod = only(render(), "Deployment").path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").path(0);

    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText())
        .isEqualTo("RuntimeDefault");
    JsonNode security = container.path("securityContext");
    assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/readyz");
  }

  @Test
  void passesTheSettingsAsTheEnvironmentTheOperatorReads() throws Exception {
    JsonNode deployment =
        only(
            render(
                "--set", "team=acme",
                "--set", "cluster.loadBalancers={lb1.example.com,lb2.example.com}",
                "--set", "planRequestModifier=0.7",
                "--set", "logFormat=json",
                "--set", "metrics.port=9090"),
            "Deployment");

    assertThat(env(deployment, "NF_TEAM")).hasValue("acme");
    assertThat(env(deployment, "NF_LOAD_BALANCERS")).hasValue("lb1.example.com,lb2.example.com");
    assertThat(env(deployment, "NF_REQUEST_MODIFIER")).hasValue("0.7");
    assertThat(env(deployment, "NF_LOG_FORMAT")).hasValue("json");
    assertThat(env(deployment, "NF_METRICS_PORT")).hasValue("9090");
    assertThat(env(deployment, "NF_CLUSTER_ID")).isPresent();
    assertThat(env(deployment, "NF_CLUSTER_NAME")).isPresent();
    JsonNode podNamespace = envVar(deployment, "POD_NAMESPACE");
    assertThat(podNamespace.path("valueFrom").path("fieldRef").path("fieldPath").asText())
        .isEqualTo("metadata.namespace");
    assertThat(
            deployment
                .path("spec").path("template").path("spec").path("containers").path(0)
                .path("ports").path(0).path("containerPort").asInt())
        .isEqualTo(9090);
  }

  @Test
  void moreThanOneReplicaNeedsLeaderElection() throws Exception {
    Process helm = helm("--set", "replicas=2", "--set", "leaderElection.enabled=false");
    String stderr = new String(helm.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(helm.waitFor()).isNotZero();
    assertThat(stderr).contains("replicas > 1 needs leaderElection.enabled");
  }

  private static List<JsonNode> render(String... args) throws IOException, InterruptedException {
    Process helm = helm(args);
    byte[] out = helm.getInputStream().readAllBytes();
    String stderr = new String(helm.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(helm.waitFor()).as("helm template failed: %s", stderr).isZero();
    List<JsonNode> objects = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(out)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(o -> {
        if (o != null && !o.isMissingNode() && !o.isNull()) {
          objects.add(o);
        }
      });
    }
    return objects;
  }

  private static Process helm(String... args) throws IOException {
    Path binary = helmBinary();
    List<String> command =
        new ArrayList<>(
            List.of(binary.toString(), "template", "northflank-job-operator", CHART,
                "--namespace", "northflank-system"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static Path helmBinary() {
    Path binary =
        Optional.ofNullable(System.getenv("HELM")).map(Path::of).orElse(Path.of("bin/helm"));
    assumeThat(Files.isExecutable(binary))
        .as("helm not found at %s: run `make tools` or set HELM", binary)
        .isTrue();
    return binary;
  }

  private static JsonNode only(List<JsonNode> objects, String kind) {
    List<JsonNode> matching =
        objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    assertThat(matching).as("objects of kind %s", kind).hasSize(1);
    return matching.get(0);
  }

  private static List<String> kinds(List<JsonNode> objects) {
    return objects.stream().map(o -> o.path("kind").asText()).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static JsonNode envVar(JsonNode deployment, String name) {
    JsonNode env =
        deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env");
    return StreamSupport.stream(env.spliterator(), false)
        .filter(e -> e.path("name").asText().equals(name))
        .findFirst()
        .orElse(MissingNode.getInstance());
  }

  private static Optional<String> env(JsonNode deployment, String name) {
    JsonNode value = envVar(deployment, name).path("value");
    return value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
  }
}
