package io.northflankjob.operator.cli;

import io.northflankjob.operator.testing.JobFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.Deployment;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.api.v1alpha1.Settings;
import io.northflankjob.operator.cli.ClusterCommands.Result;
import io.northflankjob.operator.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code start run} against the Fabric8 mock server in CRUD mode; no operator runs, so the tests
 * write the run's status as the operator would.
 */
@EnableKubernetesMockClient(crud = true)
class StartRunCommandTest {

  private static final String NAMESPACE = "test";

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void createJob() {
    ClusterCommands.installCrds(client);
    client.resource(manualJob("migrate")).create();
  }

  @Test
  void createsTheRunWithItsOverridesAndPrintsItLikeNorthflank() {
    Result result = ClusterCommands.run(client, "start", "run", "migrate",
        "--env", "MODE=dry-run", "-e", "DSN=postgres://db/app?sslmode=require",
        "--plan", "nf-compute-50", "--image", "busybox:1.37");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    List<NorthflankJobRun> runs = runs().list().getItems();
    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.getMetadata().getName()).matches("migrate-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(run.getSpec().jobName).isEqualTo("migrate");
      assertThat(run.getSpec().runtimeEnvironment).containsExactly(
          Map.entry("MODE", "dry-run"), Map.entry("DSN", "postgres://db/app?sslmode=require"));
      assertThat(run.getSpec().billing.deploymentPlan).isEqualTo("nf-compute-50");
      assertThat(run.getSpec().deployment.external.imagePath).isEqualTo("busybox:1.37");
      assertThat(result.out()).isEqualTo("""
          {
            "data": {
              "id": "%s",
              "runName": "%s"
            }
          }
          """.formatted(run.getMetadata().getUid(), run.getMetadata().getName()));
    });
  }

  @Test
  void withoutOverridesTheRunNamesOnlyItsJob() {
    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-001");

    assertThat(result.exitCode()).isZero();
    NorthflankJobRun run = runs().withName("migrate-001").get();
    assertThat(run.getSpec().jobName).isEqualTo("migrate");
    assertThat(run.getSpec().runtimeEnvironment).isNull();
    assertThat(run.getSpec().billing).isNull();
    assertThat(run.getSpec().deployment).isNull();
  }

  @Test
  void waitExitsZeroWhenTheRunSucceeds() {
    CompletableFuture<Void> operator = concludeWhenCreated("migrate-ok", status -> {
      status.runName = "migrate-ok";
      status.status = RunStatus.SUCCESS;
      status.concluded = true;
    });

    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-ok",
        "--wait", "--timeout", "60s");
    operator.join();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"runName\": \"migrate-ok\"");
    assertThat(result.err()).isEqualTo("Run migrate-ok succeeded\n");
  }

  @Test
  void waitExitsOneWithTheReasonWhenTheRunFails() {
    CompletableFuture<Void> operator = concludeWhenCreated("migrate-bad", status -> {
      status.runName = "migrate-bad";
      status.status = RunStatus.FAILED;
      status.concluded = true;
      status.reason = "BackoffLimitExceeded";
    });

    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-bad",
        "--wait");
    operator.join();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Run migrate-bad failed: BackoffLimitExceeded\n");
  }

  @Test
  void waitStopsWhenTheOperatorCannotStartTheRun() {
    CompletableFuture<Void> operator = concludeWhenCreated("migrate-stuck", status ->
        status.conditions = List.of(Conditions.of(Conditions.READY, false, "InvalidSpec",
            "spec: the job's command cannot be split into words", 1L, Instant.now())));

    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-stuck",
        "--wait");
    operator.join();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(
        "Run migrate-stuck cannot start: spec: the job's command cannot be split into words\n");
  }

  @Test
  void waitGivesUpWithExitStatus3AfterTheTimeout() {
    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-slow",
        "--wait", "--timeout", "2s");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).isEqualTo("error: run migrate-slow had not concluded after 2s; it goes on\n");
    assertThat(runs().withName("migrate-slow").get()).isNotNull();
  }

  @Test
  void invalidOverridesExit2NamingTheOptionAndCreateNothing() {
    Result result = ClusterCommands.run(client, "start", "run", "migrate",
        "--plan", "nf-compute-nope", "--image", "busy box", "--env", "1BAD=x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .anySatisfy(line -> assertThat(line)
            .startsWith("error: --plan (spec.billing.deploymentPlan): \"nf-compute-nope\" is not a plan"))
        .anySatisfy(line -> assertThat(line)
            .startsWith("error: --image (spec.deployment.external.imagePath): \"busy box\""))
        .anySatisfy(line -> assertThat(line).startsWith("error: --env (spec.runtimeEnvironment"));
    assertThat(runs().list().getItems()).isEmpty();
  }

  @Test
  void aJobWithoutAnImageNeedsOne() {
    NorthflankJob imageless = manualJob("imageless");
    imageless.getSpec().deployment = null;
    client.resource(imageless).create();

    Result result = ClusterCommands.run(client, "start", "run", "imageless");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: --image (spec.deployment.external.imagePath): required");
    assertThat(ClusterCommands.run(client, "start", "run", "imageless", "--image", "busybox:1.37")
        .exitCode()).isZero();
  }

  @Test
  void anInvalidNameExits2() {
    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--name", "Migrate_1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: --name (metadata.name): ");
    assertThat(runs().list().getItems()).isEmpty();
  }

  @Test
  void aMissingJobExits1AndCreatesNothing() {
    Result result = ClusterCommands.run(client, "start", "run", "ghost", "--plan", "nf-compute-nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: NorthflankJob test/ghost not found\n");
    assertThat(runs().list().getItems()).isEmpty();
  }

  @Test
  void aRunOfTheSameNameExits1() {
    assertThat(ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-001")
        .exitCode()).isZero();

    Result again = ClusterCommands.run(client, "start", "run", "migrate", "--name", "migrate-001");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("error: NorthflankJobRun test/migrate-001 already exists\n");
  }

  @Test
  void aTimeoutWithoutWaitIsAUsageError() {
    Result result = ClusterCommands.run(client, "start", "run", "migrate", "--timeout", "5m");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("--timeout is for --wait");
    assertThat(runs().list().getItems()).isEmpty();
  }

  @Test
  void timeoutsReadAsKubectlWritesThem() {
    StartRunCommand.DurationConverter converter = new StartRunCommand.DurationConverter();

    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThatThrownBy(() -> converter.convert("10")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class);
  }

  /** Writes the run's status once the command has created it, as the operator would. */
  private CompletableFuture<Void> concludeWhenCreated(
      String name, Consumer<NorthflankJobRunStatus> outcome) {
    return CompletableFuture.runAsync(() -> {
      await().atMost(Duration.ofSeconds(30)).until(() -> runs().withName(name).get() != null);
      runs().withName(name).editStatus(run -> {
        NorthflankJobRunStatus status = new NorthflankJobRunStatus();
        status.id = run.getMetadata().getUid();
        outcome.accept(status);
        run.setStatus(status);
        return run;
      });
    });
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<NorthflankJobRun,
      io.fabric8.kubernetes.api.model.KubernetesResourceList<NorthflankJobRun>,
      Resource<NorthflankJobRun>> runs() {
    return client.resources(NorthflankJobRun.class).inNamespace(NAMESPACE);
  }

  private static NorthflankJob manualJob(String name) {
    return JobFixtures.manual(NAMESPACE, name);
  }
}
