package io.northflankjob.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * etcd and kube-apiserver as plain processes, listening on loopback only, with no controllers
 * running (so nothing but the benchmark and the operator writes). Started directly rather than
 * through kube-api-test, which has etcd listen on every interface and takes no etcd flags.
 *
 * <p>Two users: an administrator (group system:masters, exempt from API Priority and Fairness)
 * for the benchmark's own requests, and the operator, authenticated as the service account the
 * chart installs (group system:serviceaccounts, so its requests get the workload-low priority
 * level as they would in a cluster) and bound to cluster-admin. The audit log records every write
 * with its user, so the operator's writes can be counted apart from the benchmark's.
 */
final class LocalApiServer implements AutoCloseable {

  static final String OPERATOR_USER =
      "system:serviceaccount:northflank-system:northflank-job-operator";

  private static final String AUDIT_POLICY = """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: ["RequestReceived", "ResponseStarted"]
      rules:
        - level: None
          verbs: ["get", "list", "watch"]
        - level: Metadata
      """;
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final String adminToken = UUID.randomUUID().toString();
  private final String operatorToken = UUID.randomUUID().toString();
  private final int port;
  private final AuditLog auditLog;
  private KubernetesClient admin;

  private LocalApiServer(Path dir) {
    this.dir = dir;
    this.port = freePort();
    this.auditLog = new AuditLog(dir.resolve("audit.log"));
  }

  /** Starts etcd and kube-apiserver from {@code bin}, keeping their files in {@code dir}. */
  static LocalApiServer start(Path bin, Path dir, List<String> extraApiServerFlags)
      throws IOException, InterruptedException {
    deleteRecursively(dir);
    Files.createDirectories(dir);
    LocalApiServer server = new LocalApiServer(dir);
    try {
      server.startProcesses(bin, extraApiServerFlags);
      server.awaitReady();
      server.install();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void startProcesses(Path bin, List<String> extraFlags) throws IOException {
    int etcdPort = freePort();
    int peerPort = freePort();
    String client = "http://127.0.0.1:" + etcdPort;
    String peer = "http://127.0.0.1:" + peerPort;
    processes.add(start("etcd", List.of(bin.resolve("etcd").toString(),
        "--data-dir", dir.resolve("etcd").toString(),
        "--listen-client-urls", client, "--advertise-client-urls", client,
        "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "default=" + peer,
        "--log-level", "warn")));

    Path key = write("service-account.key", pem(serviceAccountKey()));
    Path tokens = write("tokens.csv",
        adminToken + ",bench-admin,bench-admin,\"system:masters\"\n"
            + operatorToken + "," + OPERATOR_USER + ",northflank-job-operator,"
            + "\"system:serviceaccounts,system:serviceaccounts:northflank-system\"\n");
    List<String> command = new ArrayList<>(List.of(bin.resolve("kube-apiserver").toString(),
        "--etcd-servers", client,
        "--bind-address", "127.0.0.1",
        "--advertise-address", "127.0.0.1",
        "--secure-port", Integer.toString(port),
        "--cert-dir", dir.resolve("certs").toString(),
        "--authorization-mode", "RBAC",
        "--token-auth-file", tokens.toString(),
        "--service-account-issuer", "https://127.0.0.1",
        "--service-account-key-file", key.toString(),
        "--service-account-signing-key-file", key.toString(),
        "--service-cluster-ip-range", "10.0.0.0/24",
        "--endpoint-reconciler-type", "none",
        "--audit-policy-file", write("audit-policy.yaml", AUDIT_POLICY).toString(),
        "--audit-log-path", auditLog.file().toString(),
        "--audit-log-maxsize", "0"));
    command.addAll(extraFlags);
    processes.add(start("kube-apiserver", command));
  }

  private Process start(String name, List<String> command) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private void awaitReady() throws InterruptedException {
    admin = new KubernetesClientBuilder().withConfig(config(adminToken)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "a process of the API server exited; see the logs in " + dir);
        }
      }
      try {
        if ("ok".equals(admin.raw("/readyz"))) {
          return;
        }
      } catch (RuntimeException notYet) {
        // Not listening yet, or not ready.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the API server was not ready after " + STARTUP
            + "; see the logs in " + dir);
      }
      Thread.sleep(200);
    }
  }

  /** The CRDs, the benchmark's namespace and the operator's permissions. */
  private void install() throws InterruptedException {
    for (String file : List.of("northflankjobs.northflank.com.yaml",
        "northflankjobruns.northflank.com.yaml")) {
      try (InputStream in = Files.newInputStream(Path.of("crds", file))) {
        CustomResourceDefinition crd = admin.getKubernetesSerialization()
            .unmarshal(in, CustomResourceDefinition.class);
        admin.resource(crd).create();
        admin.resource(crd).waitUntilCondition(c -> c != null && c.getStatus() != null
            && c.getStatus().getConditions() != null
            && c.getStatus().getConditions().stream().anyMatch(
                cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
            1, TimeUnit.MINUTES);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    admin.resource(new ClusterRoleBindingBuilder()
        .withNewMetadata().withName("northflank-job-operator-bench").endMetadata()
        .withNewRoleRef()
          .withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
        .endRoleRef()
        .addNewSubject()
          .withKind("ServiceAccount").withName("northflank-job-operator")
          .withNamespace("northflank-system")
        .endSubject()
        .build()).create();
    admin.resource(new NamespaceBuilder()
        .withNewMetadata().withName(Workload.NAMESPACE).endMetadata().build()).create();
  }

  /** The administrator's client: the benchmark's own requests. */
  KubernetesClient admin() {
    return admin;
  }

  /** A new client that acts as the operator, as a plain Fabric8 client with its defaults. */
  KubernetesClient newOperatorClient() {
    return new KubernetesClientBuilder().withConfig(config(operatorToken)).build();
  }

  /** A kubeconfig of the operator's user, for the operator's process. */
  Path operatorKubeconfig() {
    return write("operator.kubeconfig", """
        apiVersion: v1
        kind: Config
        clusters:
          - name: bench
            cluster:
              server: https://127.0.0.1:%d
              insecure-skip-tls-verify: true
        users:
          - name: operator
            user:
              token: %s
        contexts:
          - name: bench
            context: {cluster: bench, user: operator}
        current-context: bench
        """.formatted(port, operatorToken));
  }

  AuditLog auditLog() {
    return auditLog;
  }

  /** CPU time etcd has used so far. */
  Duration etcdCpu() {
    return Cpu.of(processes.get(0));
  }

  /** CPU time kube-apiserver has used so far. */
  Duration apiServerCpu() {
    return Cpu.of(processes.get(1));
  }

  /** The API server's Prometheus metrics. */
  String metrics() {
    return admin.raw("/metrics");
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
    // kube-apiserver first: etcd going away first would make it log errors until it stops.
    for (int i = processes.size() - 1; i >= 0; i--) {
      OperatorProcess.stop(processes.get(i));
    }
  }

  private Config config(String token) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("https://127.0.0.1:" + port)
        .withOauthToken(token)
        .withTrustCerts(true)
        .build();
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.security.KeyPair serviceAccountKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as PKCS#8 PEM, which the API server reads for both key flags. */
  private static String pem(java.security.KeyPair key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
