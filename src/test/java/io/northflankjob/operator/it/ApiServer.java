package io.northflankjob.operator.it;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real etcd and kube-apiserver for one test class, started by kube-api-test in offline mode
 * from the binaries {@link KubeBinaries} finds, with this project's CRDs installed and
 * Established. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final ApiServer API_SERVER = new ApiServer();}</pre>
 *
 * <p>kube-api-test picks free ports for etcd (client and peer) and the API server, keeps etcd's
 * data in temporary directories it deletes on stop, and generates a self-signed serving
 * certificate and a {@code system:masters} client certificate. The certificates live in
 * {@code target/kube-api-test/home}; everything about one class (kubeconfig, audit log, the
 * processes' output in {@code kube-api-test.log}) in {@code target/kube-api-test/<class>/}.
 *
 * <p>The API server writes an audit log of every write ({@link #auditLog()}), and knows a second
 * user, {@link #OPERATOR_USER}, through a static token ({@link #newOperatorClient()}), so tests
 * can count the requests the operator makes apart from their own.
 */
public final class ApiServer implements BeforeAllCallback, AfterAllCallback {

  /** The user the operator's client authenticates as; a cluster admin. */
  public static final String OPERATOR_USER = "northflank-job-operator";

  /** The field manager the tests' own server-side applies use. */
  public static final String TEST_FIELD_MANAGER = "northflank-job-operator-it";

  private static final Path WORK_DIR = Path.of("target", "kube-api-test").toAbsolutePath();
  private static final Path CRD_DIR = Path.of("crds").toAbsolutePath();
  private static final int STARTUP_TIMEOUT_MILLIS = 180_000;
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final String operatorToken = UUID.randomUUID().toString();
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
  private final AtomicInteger commands = new AtomicInteger();

  private KubeBinaries binaries;
  private Path runDir;
  private ProcessLog processLog;
  private KubeAPIServer server;
  private Thread stopOnExit;
  private String kubeconfigYaml;
  private Path kubeconfig;
  private KubernetesClient client;
  private AuditLog auditLog;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    binaries = KubeBinaries.locate();
    runDir = WORK_DIR.resolve(context.getRequiredTestClass().getSimpleName());
    deleteRecursively(runDir);
    Files.createDirectories(runDir);
    processLog = ProcessLog.capture(runDir.resolve("kube-api-test.log"));
    auditLog = new AuditLog(runDir.resolve("audit.log"));

    server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withOfflineMode(true)
        .withTestDir(testDir().toString())
        .withApiServerVersion(binaries.version())
        .withStartupTimeout(STARTUP_TIMEOUT_MILLIS)
        .withWaitForEtcdHealthCheckOnStartup(true)
        .withUpdateKubeConfig(false)
        .withApiServerFlags(List.of(
            "--audit-policy-file", write("audit-policy.yaml", AuditLog.POLICY).toString(),
            "--audit-log-path", auditLog.file().toString(),
            "--token-auth-file", write("tokens.csv",
                operatorToken + "," + OPERATOR_USER + "," + OPERATOR_USER + ",\"system:masters\"\n")
                .toString()))
        .build());
    stopOnExit = new Thread(this::stopServer, "stop-kube-apiserver");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    start();

    kubeconfigYaml = server.getKubeConfigYaml();
    kubeconfig = write("kubeconfig", kubeconfigYaml);
    client = track(new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build());
    installCrds();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    clients.forEach(KubernetesClient::close);
    clients.clear();
    stopServer();
    if (stopOnExit != null) {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
    if (processLog != null) {
      processLog.close();
    }
  }

  /** A cluster-admin client (kube-api-test's client certificate). */
  public KubernetesClient client() {
    return client;
  }

  /** A new client that authenticates as {@link #OPERATOR_USER}; closed with the server. */
  public KubernetesClient newOperatorClient() {
    Config config = new ConfigBuilder(Config.fromKubeconfig(kubeconfigYaml))
        .withClientCertFile(null)
        .withClientCertData(null)
        .withClientKeyFile(null)
        .withClientKeyData(null)
        .withOauthToken(operatorToken)
        .build();
    return track(new KubernetesClientBuilder().withConfig(config).build());
  }

  /** A kubeconfig file for this server, for tools run by the tests. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  /** Creates a namespace (there is no namespace controller, so tests never delete them). */
  public String createNamespace(String name) {
    client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /** Runs the real kubectl against this server; fails the test if it runs for over a minute. */
  public CommandResult kubectl(String... args) {
    List<String> command = new ArrayList<>(List.of(binaries.kubectl().toString(),
        "--kubeconfig", kubeconfig.toString(), "--cache-dir", runDir.resolve("kube-cache").toString()));
    command.addAll(List.of(args));
    int n = commands.incrementAndGet();
    Path out = runDir.resolve("kubectl-" + n + ".out");
    Path err = runDir.resolve("kubectl-" + n + ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().remove("KUBECONFIG");
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl did not finish in " + COMMAND_TIMEOUT_SECONDS + "s: " + command);
      }
      return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  /** What a command printed, and how it exited. */
  public record CommandResult(int exitCode, String stdout, String stderr) {}

  /** The CRDs under crds/, as installed. */
  public List<CustomResourceDefinition> crds() {
    try (Stream<Path> files = Files.list(CRD_DIR)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(this::readCrd).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CustomResourceDefinition readCrd(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void installCrds() {
    List<CustomResourceDefinition> crds = crds();
    if (crds.isEmpty()) {
      throw new IllegalStateException("no CRDs in " + CRD_DIR);
    }
    crds.forEach(crd -> client.resource(crd).fieldManager(TEST_FIELD_MANAGER).forceConflicts()
        .serverSideApply());
    crds.forEach(crd -> client.apiextensions().v1().customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(ApiServer::established, 60, TimeUnit.SECONDS));
  }

  static boolean established(CustomResourceDefinition crd) {
    // A CRD's status can come before its conditions do.
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Starts etcd and the API server; fails as soon as either exits, or after the startup timeout,
   * with the last lines they printed.
   */
  private void start() throws InterruptedException {
    ExecutorService starter = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "start-kube-apiserver");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<?> started = starter.submit(server::start);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MILLIS + 10_000);
      while (true) {
        try {
          started.get(1, TimeUnit.SECONDS);
          return;
        } catch (TimeoutException stillStarting) {
          if (processLog.processDied() != null) {
            Thread.sleep(500); // lets the last lines the process printed reach the log
            throw startFailure(processLog.processDied(), null);
          }
          if (System.nanoTime() > deadline) {
            throw startFailure("no ready API server after " + STARTUP_TIMEOUT_MILLIS / 1000 + "s", null);
          }
        } catch (ExecutionException e) {
          throw startFailure(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
      }
    } finally {
      starter.shutdownNow();
    }
  }

  private IllegalStateException startFailure(String why, Throwable cause) {
    stopServer();
    return new IllegalStateException("kube-apiserver " + binaries.version() + " from "
        + binaries.versionDir() + " did not start: " + why + "\nLast lines printed (all in "
        + runDir.resolve("kube-api-test.log") + "):\n" + processLog.tail(), cause);
  }

  private synchronized void stopServer() {
    if (server != null) {
      try {
        server.stop();
      } catch (RuntimeException e) {
        // Stopping twice (after a process died) finds etcd's data already removed.
        System.err.println("stopping kube-apiserver: " + e);
      }
      server = null;
    }
  }

  /**
   * kube-api-test keeps binaries and certificates in one directory; this one links the binaries
   * in and keeps the certificates under target/, away from the shared binaries.
   */
  private Path testDir() throws IOException {
    Path home = WORK_DIR.resolve("home");
    Files.createDirectories(home);
    Path link = home.resolve("k8s");
    Path target = binaries.testDir().resolve("k8s");
    if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(target)) {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, target);
    }
    return home;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(runDir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private KubernetesClient track(KubernetesClient newClient) {
    clients.add(newClient);
    return newClient;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
