package io.northflankjob.operator.cli;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The cluster the {@code get} and {@code start} commands work on: the one of the current
 * kubeconfig (or, in a pod, its service account), and the namespace, Northflank's project. A
 * mixin: {@code @Mixin ClusterOptions cluster;} then {@code cluster.call(err, cluster -> ...)}.
 */
final class ClusterOptions {

  /** Exit status when the cluster cannot be reached or refuses a request. */
  static final int CLUSTER_ERROR = 1;
  static final String DEFAULT_NAMESPACE = "default";
  /** How many times a failed request is retried: a command someone waits on fails fast. */
  private static final int RETRIES = 2;
  private static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

  private final Supplier<KubernetesClient> clients;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Namespace of the job (Northflank's project). Default: the namespace of the"
          + " kubeconfig's current context, else default.")
  private String namespace;

  ClusterOptions(Supplier<KubernetesClient> clients) {
    this.clients = clients;
  }

  /** A client of the current kubeconfig's cluster, as {@code kubectl} would use. */
  static KubernetesClient kubeconfigClient() {
    Config config = Config.autoConfigure(null);
    config.setRequestRetryBackoffLimit(RETRIES);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A connected cluster and the namespace to work in. */
  record Cluster(KubernetesClient client, String namespace) {

    Optional<NorthflankJob> job(String name) {
      return Optional.ofNullable(
          client.resources(NorthflankJob.class).inNamespace(namespace).withName(name).get());
    }

    /** {@code <kind> <namespace>/<name>}, how messages name an object. */
    String describe(String kind, String name) {
      return kind + " " + namespace + "/" + name;
    }
  }

  /** What a command does with the cluster; returns the exit status. */
  @FunctionalInterface
  interface Work {
    int on(Cluster cluster) throws InterruptedException;
  }

  /**
   * Runs {@code work} against the cluster. Failing to reach it, or a request it refuses, is one
   * line on {@code err} and exit status {@value #CLUSTER_ERROR}: a stack trace helps no user here.
   */
  int call(PrintWriter err, Work work) throws InterruptedException {
    // The client's own log lines (e.g. a warning that the API is v1alpha1) would bury what the
    // command has to say.
    ch.qos.logback.classic.Logger fabric8 = fabric8Logger();
    Level level = fabric8 == null ? null : fabric8.getLevel();
    if (fabric8 != null) {
      fabric8.setLevel(Level.OFF);
    }
    try (KubernetesClient client = clients.get()) {
      try {
        return work.on(new Cluster(client, namespace(client)));
      } catch (KubernetesClientException e) {
        err.println("error: " + describe(e, String.valueOf(client.getMasterUrl())));
        return CLUSTER_ERROR;
      }
    } catch (KubernetesClientException e) {
      // The kubeconfig could not be read.
      err.println("error: " + e.getMessage());
      return CLUSTER_ERROR;
    } finally {
      if (fabric8 != null) {
        fabric8.setLevel(level);
      }
    }
  }

  private String namespace(KubernetesClient client) {
    if (namespace != null) {
      return namespace;
    }
    String fromContext = client.getNamespace();
    return fromContext == null || fromContext.isBlank() ? DEFAULT_NAMESPACE : fromContext;
  }

  /** One line for the user: what the server said, or why it could not be reached. */
  static String describe(KubernetesClientException e, String server) {
    if (e.getCode() > 0) {
      String said = e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage()
          : e.getMessage();
      return "the cluster at " + server + " answered HTTP " + e.getCode() + ": " + said;
    }
    List<Throwable> causes = new ArrayList<>();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      causes.add(cause);
    }
    if (causes.stream().noneMatch(IOException.class::isInstance)) {
      return e.getMessage();
    }
    return "cannot reach the cluster at " + server + ": " + whyUnreachable(causes, server);
  }

  private static String whyUnreachable(List<Throwable> causes, String server) {
    if (causes.stream().anyMatch(c -> c instanceof UnknownHostException
        || c instanceof UnresolvedAddressException)) {
      // Without a kubeconfig the client assumes it runs in a pod.
      return server.startsWith(IN_CLUSTER_SERVER)
          ? "unknown host; no kubeconfig was found (set KUBECONFIG or create ~/.kube/config)"
          : "unknown host";
    }
    if (causes.stream().anyMatch(HttpTimeoutException.class::isInstance)) {
      return "timed out";
    }
    if (causes.stream().anyMatch(ConnectException.class::isInstance)) {
      return "connection refused";
    }
    return causes.stream()
        .map(Throwable::getMessage)
        .filter(message -> message != null && !message.isBlank())
        .findFirst()
        .orElse(causes.get(causes.size() - 1).getClass().getSimpleName());
  }

  private static ch.qos.logback.classic.Logger fabric8Logger() {
    return LoggerFactory.getLogger("io.fabric8") instanceof ch.qos.logback.classic.Logger logger
        ? logger
        : null;
  }
}
