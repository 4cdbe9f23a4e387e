package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.Settings.Cron.ConcurrencyPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Helm chart on a real cluster: it installs, its pod passes the "restricted" Pod Security
 * Standard, and its service account is enough for the operator's whole job and for nothing more.
 * The chart's pod only pretends to run on the simulated node, so the operator runs in the test
 * JVM with the credentials the pod would have.
 */
@ExtendWith(LocalClusterExtension.class)
class HelmE2E {

  private static final String CHART = "helm/northflank-job-operator";
  /** A release with the chart's defaults: every namespace, through a ClusterRole. */
  private static final String PLAIN_NAMESPACE = "e2e-helm-plain";
  /** A release in a namespace that enforces the restricted Pod Security Standard. */
  private static final String RESTRICTED_NAMESPACE = "e2e-helm-restricted";
  private static final String RELEASE = "nfjo";
  /** The chart names its objects, the service account among them, after the release. */
  private static final String SERVICE_ACCOUNT = RELEASE + "-northflank-job-operator";
  /** The one namespace the restricted release watches. */
  private static final String WATCHED = "e2e-helm-jobs";
  private static final String NOT_WATCHED = "e2e-helm-other";

  private static Path serviceAccount;
  private static InJvmOperator operator;
  private static Namespace watched;

  @BeforeAll
  static void installChart(LocalCluster cluster) {
    cluster.createNamespace(PLAIN_NAMESPACE, Map.of());
    cluster.createNamespace(RESTRICTED_NAMESPACE, Map.of("pod-security.kubernetes.io/enforce", "restricted"));
    cluster.createNamespace(WATCHED, Map.of());
    cluster.createNamespace(NOT_WATCHED, Map.of());
    String chart = cluster.root().resolve(CHART).toString();
    cluster.helm("install", RELEASE, chart, "-n", PLAIN_NAMESPACE).orFail();
    cluster.helm("install", RELEASE, chart, "-n", RESTRICTED_NAMESPACE,
        "--set", "watchNamespaces={" + WATCHED + "}").orFail();

    serviceAccount = cluster.serviceAccountKubeconfig(RESTRICTED_NAMESPACE, SERVICE_ACCOUNT);
    operator = InJvmOperator.start(cluster.newClient(serviceAccount), WATCHED);
    watched = new Namespace(cluster.newClient(), WATCHED);
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
    if (watched != null) {
      watched.client().close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({PLAIN_NAMESPACE, RESTRICTED_NAMESPACE})
  void theReleasesDeploymentGetsItsPod(String namespace) {
    // The ReplicaSet controller creates the pod only if admission lets it: in the restricted
    // namespace, only if it meets the restricted Pod Security Standard.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(watched.client().pods().inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", RELEASE).list().getItems())
            .singleElement()
            .satisfies(pod -> assertThat(pod.getSpec().getServiceAccountName()).isEqualTo(SERVICE_ACCOUNT)));
    assertThat(watched.client().apps().deployments().inNamespace(namespace).list().getItems())
        .singleElement()
        .satisfies(deployment -> assertThat(deployment.getStatus().getReplicas()).isEqualTo(1));
  }

  @Test
  void theRestrictedNamespaceRefusesAPodThatDoesNotMeetTheStandard() {
    Pod plain = new PodBuilder()
        .withNewMetadata().withName("unconfined").withNamespace(RESTRICTED_NAMESPACE).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox:1.36").endContainer().endSpec()
        .build();

    // The same admission that let the chart's pod in: it is not a cluster that admits anything.
    assertThatThrownBy(() -> watched.client().resource(plain).dryRun().create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(403);
          assertThat(e.getMessage()).contains("violates PodSecurity \"restricted");
        });
  }

  @Test
  void theOperatorRunsAsTheChartsServiceAccount() {
    SelfSubjectReview review = operator.client().resource(new SelfSubjectReview()).create();

    assertThat(review.getStatus().getUserInfo().getUsername())
        .isEqualTo("system:serviceaccount:" + RESTRICTED_NAMESPACE + ":" + SERVICE_ACCOUNT);
  }

  @Test
  void withTheChartsServiceAccountACronJobGetsItsCronJob() {
    watched.create(TestJobs.cron(WATCHED, "rbac-cron", "0 3 * * *", ConcurrencyPolicy.Forbid));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(watched.cronJob("rbac-cron")).isPresent();
      assertThat(Namespace.ready(watched.job("rbac-cron")))
          .hasValueSatisfying(ready -> assertThat(ready.getStatus()).isEqualTo("True"));
    });
  }

  @Test
  void withTheChartsServiceAccountARunGetsItsJobAndSucceeds() {
    watched.create(TestJobs.manual(WATCHED, "rbac-manual"));
    watched.create(TestJobs.run(WATCHED, "rbac-manual-1", "rbac-manual"));

    NorthflankJobRun run = await().atMost(Duration.ofSeconds(90)).until(() -> watched.run("rbac-manual-1"),
        r -> r != null && r.getStatus() != null && Boolean.TRUE.equals(r.getStatus().concluded));

    assertThat(run.getStatus().status).isEqualTo(RunStatus.SUCCESS);
    assertThat(watched.jobsOfRun("rbac-manual-1")).hasSize(1);
    // Events need their own permission: the run's are there.
    assertThat(watched.eventsAbout("NorthflankJobRun", "rbac-manual-1")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} {1} in {2}: {3}")
  @CsvSource({
      // What the operator needs, in the namespace it watches and for its lease.
      "list,   northflankjobs,            " + WATCHED + ",              yes",
      "patch,  northflankjobruns/status,  " + WATCHED + ",              yes",
      "patch,  cronjobs,                  " + WATCHED + ",              yes",
      "create, jobs,                      " + WATCHED + ",              yes",
      "create, events,                    " + WATCHED + ",              yes",
      "update, leases,                    " + RESTRICTED_NAMESPACE + ",  yes",
      // What it must not do.
      "get,    secrets,                   " + WATCHED + ",              no",
      "list,   secrets,                   " + RESTRICTED_NAMESPACE + ",  no",
      "get,    pods,                      " + WATCHED + ",              no",
      "create, deployments,               " + WATCHED + ",              no",
      "create, deployments,               " + RESTRICTED_NAMESPACE + ",  no",
      "create, jobs,                      " + NOT_WATCHED + ",          no",
      "list,   northflankjobs,            " + NOT_WATCHED + ",          no",
      "patch,  cronjobs,                  " + NOT_WATCHED + ",          no",
      "update, leases,                    " + NOT_WATCHED + ",          no",
  })
  void theServiceAccountMayDoItsJobAndNothingMore(
      String verb, String resource, String namespace, String expected, LocalCluster cluster) {
    ExternalCommand.Result canI = cluster.kubectl(serviceAccount, "auth", "can-i", verb, resource, "-n", namespace);

    assertThat(canI.stdout().strip()).as(canI.describe()).isEqualTo(expected);
    assertThat(canI.exitCode()).isEqualTo(expected.equals("yes") ? 0 : 1);
  }

  @Test
  void theServiceAccountCannotActClusterWide(LocalCluster cluster) {
    for (List<String> request : List.of(
        List.of("list", "northflankjobs", "--all-namespaces"),
        List.of("list", "secrets", "--all-namespaces"),
        List.of("create", "namespaces"),
        List.of("create", "clusterrolebindings"))) {
      List<String> args = new ArrayList<>(List.of("auth", "can-i"));
      args.addAll(request);
      ExternalCommand.Result canI = cluster.kubectl(serviceAccount, args.toArray(String[]::new));
      assertThat(canI.stdout().strip()).as(canI.describe()).isEqualTo("no");
    }
  }
}
