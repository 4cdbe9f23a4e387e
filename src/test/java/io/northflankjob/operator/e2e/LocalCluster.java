package io.northflankjob.operator.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole local cluster started by {@code hack/cluster.sh} (etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler and kwok's simulated node) with the CRDs installed.
 * It has a name of its own, so it never meets a developer's cluster or another test run's, and
 * it is stopped when closed, or when the JVM exits without closing it.
 */
public final class LocalCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  /**
   * How long {@code hack/cluster.sh up} may take: CLUSTER_TIMEOUT seconds, as for the script
   * itself (default 180). The process gets a minute more, then it is killed.
   */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("CLUSTER_TIMEOUT", "180")));
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  private static final List<String> BINARIES = List.of("etcd", "kube-apiserver",
      "kube-controller-manager", "kube-scheduler", "kubectl", "kwok", "kwokctl", "helm");
  private static final int LOG_TAIL_LINES = 40;

  private final Path root;
  private final Path binDir;
  private final String name;
  private final Thread stopOnExit;
  private final Map<String, Path> attachedLogs = new ConcurrentHashMap<>();
  /** Caches and settings of kubectl and helm: a new cluster may reuse the port of an old one. */
  private final Path toolHome;
  private volatile Path kubeconfig;

  private LocalCluster(Path root, Path binDir, String name) {
    this.root = root;
    this.binDir = binDir;
    this.name = name;
    try {
      this.toolHome = Files.createTempDirectory(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.stopOnExit = new Thread(this::stop, "stop-cluster-" + name);
  }

  /** Starts a new cluster and installs the CRDs; fails (never hangs) when it does not come up. */
  public static LocalCluster start() {
    Path root = projectRoot();
    Path binDir = Path.of(System.getenv().getOrDefault("BIN_DIR", root.resolve("bin").toString()));
    List<String> missing = BINARIES.stream().filter(b -> !Files.isExecutable(binDir.resolve(b))).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("missing in " + binDir + ": " + missing
          + "; build them with `make tools` (hack/build-tools.sh)");
    }
    String name = "e2e-" + Long.toString(System.currentTimeMillis(), 36) + "-" + ProcessHandle.current().pid();
    LocalCluster cluster = new LocalCluster(root, binDir, name);
    Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
    long started = System.nanoTime();
    try {
      ExternalCommand.Result up = ExternalCommand.run(root,
          Map.of("BIN_DIR", binDir.toString(), "CLUSTER_TIMEOUT", Long.toString(START_TIMEOUT.toSeconds())),
          START_TIMEOUT.plusMinutes(1), List.of("hack/cluster.sh", "up", name));
      if (up.exitCode() != 0) {
        throw new IllegalStateException("the local cluster did not start: " + up.describe());
      }
      cluster.kubeconfig = Path.of(up.stdout().strip());
      cluster.kubectl("apply", "--server-side", "-f", root.resolve("crds").toString()).orFail();
      // kubectl wait fails outright on a CRD whose status has no conditions yet; ask again.
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> cluster
          .kubectl("wait", "--for=condition=Established", "--timeout=30s",
              "crd/northflankjobs.northflank.com", "crd/northflankjobruns.northflank.com")
          .exitCode() == 0);
    } catch (RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
    LOG.info("Local cluster {} is up after {}s; KUBECONFIG={}", name,
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), cluster.kubeconfig);
    return cluster;
  }

  public String name() {
    return name;
  }

  public Path root() {
    return root;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** A built tool, e.g. {@code kubectl}. */
  public Path tool(String name) {
    return binDir.resolve(name);
  }

  /** A new client with the cluster admin's credentials; the caller closes it. */
  public KubernetesClient newClient() {
    return newClient(kubeconfig);
  }

  /** Creates a namespace (as the admin), with the given labels. */
  public void createNamespace(String namespace, Map<String, String> labels) {
    try (KubernetesClient client = newClient()) {
      client.namespaces().resource(new NamespaceBuilder()
              .withNewMetadata().withName(namespace).withLabels(labels).endMetadata()
              .build())
          .create();
    }
  }

  /**
   * A kubeconfig with the credentials of a service account: a token from the TokenRequest API,
   * as a pod running under that account gets one, and nothing of the admin's.
   */
  public Path serviceAccountKubeconfig(String namespace, String serviceAccount) {
    String token = kubectl("create", "token", serviceAccount, "-n", namespace, "--duration=1h")
        .orFail().stdout().strip();
    try (KubernetesClient admin = newClient()) {
      Config config = admin.getConfiguration();
      String kubeconfigYaml = String.join("\n",
          "apiVersion: v1",
          "kind: Config",
          "clusters:",
          "- name: local",
          "  cluster:",
          "    server: " + config.getMasterUrl(),
          "    certificate-authority-data: " + config.getCaCertData(),
          "users:",
          "- name: " + serviceAccount,
          "  user:",
          "    token: " + token,
          "contexts:",
          "- name: " + serviceAccount,
          "  context:",
          "    cluster: local",
          "    user: " + serviceAccount,
          "    namespace: " + namespace,
          "current-context: " + serviceAccount,
          "");
      Path file = toolHome.resolve(namespace + "-" + serviceAccount + ".kubeconfig");
      Files.writeString(file, kubeconfigYaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new client with the credentials of the given kubeconfig; the caller closes it. */
  public KubernetesClient newClient(Path kubeconfig) {
    try {
      return new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built kubectl with the admin kubeconfig. */
  public ExternalCommand.Result kubectl(String... args) {
    return kubectl(kubeconfig, args);
  }

  /** The built kubectl with the credentials of the given kubeconfig. */
  public ExternalCommand.Result kubectl(Path kubeconfig, String... args) {
    List<String> command = new ArrayList<>(List.of(tool("kubectl").toString(),
        "--kubeconfig", kubeconfig.toString(), "--cache-dir", toolHome.resolve("kube-cache").toString()));
    command.addAll(List.of(args));
    return ExternalCommand.run(root, Map.of(), COMMAND_TIMEOUT, command);
  }

  /** The built helm with the admin kubeconfig. */
  public ExternalCommand.Result helm(String... args) {
    List<String> command = new ArrayList<>(List.of(tool("helm").toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    return ExternalCommand.run(root, Map.of(
            "HELM_CACHE_HOME", toolHome.resolve("helm/cache").toString(),
            "HELM_CONFIG_HOME", toolHome.resolve("helm/config").toString(),
            "HELM_DATA_HOME", toolHome.resolve("helm/data").toString()),
        COMMAND_TIMEOUT, command);
  }

  /** A log file whose tail is shown, with the cluster's, when a test fails. */
  public void attachLog(String title, Path file) {
    attachedLogs.put(title, file);
  }

  /** What helps to understand a failure: the objects, recent events and the tail of every log. */
  public String diagnostics() {
    StringBuilder text = new StringBuilder("==== local cluster ").append(name).append('\n');
    if (kubeconfig != null) {
      ExternalCommand.Result objects = kubectl("get", "northflank,cronjobs,jobs,pods,leases", "-A", "-o", "wide");
      text.append(objects.stdout()).append(objects.stderr());
      text.append("---- events\n");
      String events = kubectl("get", "events", "-A", "--sort-by=.lastTimestamp").stdout();
      text.append(tail(events, LOG_TAIL_LINES)).append('\n');
    }
    ExternalCommand.Result logs = ExternalCommand.run(root, Map.of("BIN_DIR", binDir.toString()),
        COMMAND_TIMEOUT, List.of("hack/cluster.sh", "logs", name));
    text.append(logs.stdout()).append(logs.stderr());
    attachedLogs.forEach((title, file) -> {
      text.append("---- ").append(title).append(" (").append(file).append(")\n");
      try {
        text.append(tail(Files.readString(file), LOG_TAIL_LINES)).append('\n');
      } catch (IOException e) {
        text.append("(cannot read: ").append(e.getMessage()).append(")\n");
      }
    });
    return text.toString();
  }

  static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: nothing left to remove.
    }
  }

  private synchronized void stop() {
    deleteRecursively(toolHome);
    ExternalCommand.Result down = ExternalCommand.run(root, Map.of("BIN_DIR", binDir.toString()),
        COMMAND_TIMEOUT, List.of("hack/cluster.sh", "down", name));
    if (down.exitCode() != 0) {
      LOG.warn("Could not stop the local cluster: {}", down.describe());
    } else {
      LOG.info("Local cluster {} stopped", name);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }

  /** The project's directory: Maven's basedir, else the working directory. */
  private static Path projectRoot() {
    Path root = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("hack/cluster.sh"))) {
      throw new IllegalStateException("hack/cluster.sh not found under " + root);
    }
    return root;
  }
}
