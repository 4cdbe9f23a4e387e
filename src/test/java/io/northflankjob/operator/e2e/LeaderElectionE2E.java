package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.ops.LeaderElection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two operator processes sharing the work through the leader Lease, as two replicas of the
 * chart's Deployment do: when the leader dies without a word (SIGKILL), the other takes over.
 */
@ExtendWith(LocalClusterExtension.class)
class LeaderElectionE2E {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElectionE2E.class);
  private static final String NAMESPACE = "e2e-leader";
  /** Within this of the leader's death, the other replica has reconciled what changed meanwhile. */
  private static final Duration TAKEOVER = Duration.ofSeconds(30);

  private static Namespace namespace;
  private static List<OperatorProcess> operators = List.of();

  @BeforeAll
  static void startTwoOperators(LocalCluster cluster) {
    cluster.createNamespace(NAMESPACE, Map.of());
    namespace = new Namespace(cluster.newClient(), NAMESPACE);
    Map<String, String> env = Map.of(
        "NF_LEADER_ELECTION", "true",
        "NF_LEADER_ELECTION_NAMESPACE", NAMESPACE,
        "NF_WATCH_NAMESPACES", NAMESPACE);
    operators = List.of(
        OperatorProcess.start(cluster, "operator-a", env),
        OperatorProcess.start(cluster, "operator-b", env));
  }

  @AfterAll
  static void stopOperators() {
    operators.forEach(OperatorProcess::close);
    if (namespace != null) {
      namespace.client().close();
    }
  }

  @Test
  void whenTheLeaderIsKilledTheOtherTakesOverWithoutStartingARunTwice() throws InterruptedException {
    operators.forEach(operator -> operator.awaitReady(Duration.ofSeconds(180)));
    namespace.create(TestJobs.manual(NAMESPACE, "work"));
    namespace.create(TestJobs.run(NAMESPACE, "work-before", "work"));
    awaitSuccess("work-before", Duration.ofSeconds(120));
    String leaderName = await().atMost(Duration.ofSeconds(30)).until(this::leaseHolder,
        holder -> holder != null && operators.stream().anyMatch(o -> o.identity().equals(holder)));
    OperatorProcess leader = operator(leaderName);
    OperatorProcess follower = operators.stream().filter(o -> o != leader).findFirst().orElseThrow();
    assertThat(follower.isAlive()).as("the follower waits, it does not exit").isTrue();

    // A run the leader may or may not have started when it dies, and one made while nobody leads.
    namespace.create(TestJobs.run(NAMESPACE, "work-at-kill", "work"));
    leader.kill();
    long killedAt = System.nanoTime();
    namespace.create(TestJobs.run(NAMESPACE, "work-meanwhile", "work"));

    await().atMost(TAKEOVER).untilAsserted(() -> {
      assertThat(leaseHolder()).isEqualTo(follower.identity());
      NorthflankJobRun run = namespace.run("work-meanwhile");
      assertThat(run.getStatus()).isNotNull();
      assertThat(run.getStatus().runName).isEqualTo("work-meanwhile");
    });
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
    LOG.info("{} took over from {} and started the new run {}s after the kill",
        follower.identity(), leader.identity(), takeover.toSeconds());
    assertThat(takeover).isLessThanOrEqualTo(TAKEOVER);
    awaitSuccess("work-meanwhile", Duration.ofSeconds(60));
    awaitSuccess("work-at-kill", Duration.ofSeconds(60));

    // Each run has exactly one Job and one pod, whoever started it.
    for (String run : List.of("work-before", "work-at-kill", "work-meanwhile")) {
      assertThat(namespace.jobsOfRun(run)).as(run).hasSize(1);
      assertThat(namespace.podsOfRun(run)).as(run).hasSize(1);
    }
    assertThat(namespace.jobsOf("work")).hasSize(3);
  }

  private void awaitSuccess(String runName, Duration within) {
    NorthflankJobRun run = await().atMost(within).until(() -> namespace.run(runName),
        r -> r != null && r.getStatus() != null && Boolean.TRUE.equals(r.getStatus().concluded));
    assertThat(run.getStatus().status).isEqualTo(RunStatus.SUCCESS);
  }

  private String leaseHolder() {
    Lease lease = namespace.client().resources(Lease.class).inNamespace(NAMESPACE)
        .withName(LeaderElection.LEASE_NAME).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static OperatorProcess operator(String identity) {
    return operators.stream().filter(o -> o.identity().equals(identity)).findFirst().orElseThrow();
  }
}
