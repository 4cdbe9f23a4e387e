package io.northflankjob.operator.desired;

import static io.northflankjob.operator.desired.CronJobManifestTest.amounts;
import static io.northflankjob.operator.desired.Fixtures.buildpack;
import static io.northflankjob.operator.desired.Fixtures.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.BuildpackOverride;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec.RunDeployment;
import io.northflankjob.operator.config.OperatorSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunJobManifestTest {

  private static final OperatorSettings SETTINGS = Fixtures.settings(0.5);
  private static final String RUN_NAME = "example-job-run-7xk2p";

  // --- metadata -----------------------------------------------------------------------------

  @Test
  void isNamedAsTheRunInItsNamespace() {
    NorthflankJob job = Fixtures.manualJob();

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);

    assertThat(k8sJob.getApiVersion()).isEqualTo("batch/v1");
    assertThat(k8sJob.getKind()).isEqualTo("Job");
    assertThat(k8sJob.getMetadata().getName()).isEqualTo(RUN_NAME);
    assertThat(k8sJob.getMetadata().getNamespace()).isEqualTo("default-project");
  }

  @Test
  void isControlledByTheRun() {
    NorthflankJob job = Fixtures.manualJob();

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);

    assertThat(k8sJob.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getApiVersion()).isEqualTo("northflank.com/v1alpha1");
      assertThat(owner.getKind()).isEqualTo("NorthflankJobRun");
      assertThat(owner.getName()).isEqualTo(RUN_NAME);
      assertThat(owner.getUid()).isEqualTo(Fixtures.RUN_UID);
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getBlockOwnerDeletion()).isTrue();
    });
  }

  @Test
  void labelsTheJobAndItsPodWithJobAndRun() {
    NorthflankJob job = Fixtures.manualJob();

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);

    Map<String, String> expected = Map.of(
        "app.kubernetes.io/managed-by", "northflank-job-operator",
        "northflank.com/job", "example-job",
        "northflank.com/run", RUN_NAME,
        "tag.northflank.com/my-tag", "true");
    assertThat(k8sJob.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(k8sJob.getSpec().getTemplate().getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void annotatesAsTheJobsOtherObjects() {
    NorthflankJob job = Fixtures.manualJob();

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);

    Map<String, String> expected = Map.of(
        "northflank.com/name", "Example Job",
        "northflank.com/description", "This is the job description",
        "northflank.com/tags", "my-tag");
    assertThat(k8sJob.getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(k8sJob.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void aJobNameLongerThanALabelValueIsLabelledWithItsSelectorValue() {
    NorthflankJob job = Fixtures.manualJob();
    job.getMetadata().setName("nightly-report-".repeat(10) + "export");

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);

    String value = k8sJob.getMetadata().getLabels().get("northflank.com/job");
    assertThat(value).isEqualTo(JobLabels.jobSelectorValue(job.getMetadata().getName()));
    assertThat(LabelSyntax.isValidValue(value)).isTrue();
  }

  // --- job spec -----------------------------------------------------------------------------

  @Test
  void retriesDeadlineAndRestartPolicyAsTheJobSays() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().settings.backoffLimit = 2;
    job.getSpec().settings.activeDeadlineSeconds = 120L;

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);

    assertThat(k8sJob.getSpec().getBackoffLimit()).isEqualTo(2);
    assertThat(k8sJob.getSpec().getActiveDeadlineSeconds()).isEqualTo(120L);
    assertThat(podSpec(k8sJob).getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void withoutOverridesRunsTheSamePodAsTheSchedule() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().runtimeEnvironment = Map.of("B", "2", "A", "1");
    job.getSpec().deployment.external.credentials = "registry-creds";
    job.getSpec().deployment.docker = docker(DockerOverride.ConfigType.CUSTOM_COMMAND, null, "sh -c 'exit 0'");

    Job k8sJob = RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS);
    CronJob cronJob = CronJobManifest.of(job, SETTINGS);

    PodSpec scheduled = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(podSpec(k8sJob)).isEqualTo(scheduled);
    assertThat(k8sJob.getSpec().getBackoffLimit()).isEqualTo(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit());
    assertThat(k8sJob.getSpec().getActiveDeadlineSeconds())
        .isEqualTo(cronJob.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds());
  }

  @Test
  void aManualJobRunsItsImageWithItsPlan() {
    NorthflankJob job = Fixtures.manualJob();

    Container container = container(RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS));

    assertThat(container.getName()).isEqualTo("job");
    assertThat(container.getImage()).isEqualTo("busybox:1.36");
    assertThat(amounts(container.getResources().getLimits()))
        .containsOnly(entry("cpu", "200m"), entry("memory", "512Mi"), entry("ephemeral-storage", "1024Mi"));
    assertThat(amounts(container.getResources().getRequests()))
        .containsOnly(entry("cpu", "100m"), entry("memory", "256Mi"), entry("ephemeral-storage", "1024Mi"));
  }

  // --- overrides ----------------------------------------------------------------------------

  @Test
  void runtimeEnvironmentIsMergedOverTheJobsAndSorted() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().runtimeEnvironment = Map.of("MODE", "full", "REGION", "eu");
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().runtimeEnvironment = Map.of("MODE", "dry-run", "BATCH", "42");

    Container container = container(RunJobManifest.of(job, run, SETTINGS));

    assertThat(container.getEnv()).containsExactly(
        new EnvVar("BATCH", "42", null),
        new EnvVar("MODE", "dry-run", null),
        new EnvVar("REGION", "eu", null));
  }

  @Test
  void theRunsPlanSizesTheContainer() {
    NorthflankJob job = Fixtures.manualJob();
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().billing = new Billing();
    run.getSpec().billing.deploymentPlan = "nf-compute-400-16";

    Container container = container(RunJobManifest.of(job, run, SETTINGS));

    assertThat(amounts(container.getResources().getLimits()))
        .contains(entry("cpu", "4000m"), entry("memory", "16384Mi"));
    assertThat(amounts(container.getResources().getRequests()))
        .contains(entry("cpu", "2000m"), entry("memory", "8192Mi"));
  }

  @Test
  void theRunsImageReplacesTheJobsWithItsOwnCredentials() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().deployment.external.credentials = "job-creds";
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().deployment = new RunDeployment();
    run.getSpec().deployment.external = new External();
    run.getSpec().deployment.external.imagePath = "registry.example.com/team/tool:2.0";
    run.getSpec().deployment.external.credentials = "run-creds";

    Job k8sJob = RunJobManifest.of(job, run, SETTINGS);

    assertThat(container(k8sJob).getImage()).isEqualTo("registry.example.com/team/tool:2.0");
    assertThat(podSpec(k8sJob).getImagePullSecrets()).containsExactly(new LocalObjectReference("run-creds"));
  }

  @Test
  void aRunImageWithoutCredentialsIsPulledWithout() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().deployment.external.credentials = "job-creds";
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().deployment = new RunDeployment();
    run.getSpec().deployment.external = new External();
    run.getSpec().deployment.external.imagePath = "alpine:3.20";

    Job k8sJob = RunJobManifest.of(job, run, SETTINGS);

    assertThat(container(k8sJob).getImage()).isEqualTo("alpine:3.20");
    assertThat(podSpec(k8sJob).getImagePullSecrets()).isEmpty();
  }

  @Test
  void theRunsDockerOverrideReplacesTheJobsAndItsBuildpackOverride() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().deployment.docker = null;
    job.getSpec().deployment.buildpack = buildpack(BuildpackOverride.ConfigType.CUSTOM_PROCESS, "worker", null, null);
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().deployment = new RunDeployment();
    run.getSpec().deployment.docker =
        docker(DockerOverride.ConfigType.CUSTOM_ENTRYPOINT_CUSTOM_COMMAND, "/bin/sh -c", "\"echo \\\"$1\\\"\" -- x");

    Container container = container(RunJobManifest.of(job, run, SETTINGS));

    assertThat(container.getCommand()).containsExactly("/bin/sh", "-c");
    assertThat(container.getArgs()).containsExactly("echo \"$1\"", "--", "x");
  }

  @Test
  void withoutADockerOverrideTheRunKeepsTheJobsCommand() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().deployment.docker = docker(DockerOverride.ConfigType.CUSTOM_COMMAND, null, "migrate --all");
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().deployment = new RunDeployment();
    run.getSpec().deployment.external = new External();
    run.getSpec().deployment.external.imagePath = "busybox:1.37";

    Container container = container(RunJobManifest.of(job, run, SETTINGS));

    assertThat(container.getCommand()).isEmpty();
    assertThat(container.getArgs()).containsExactly("migrate", "--all");
  }

  @Test
  void overridesDoNotChangeTheJob() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().runtimeEnvironment = Map.of("MODE", "full");
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().runtimeEnvironment = Map.of("MODE", "dry-run");

    RunJobManifest.of(job, run, SETTINGS);

    assertThat(job.getSpec().runtimeEnvironment).containsExactly(entry("MODE", "full"));
  }

  // --- runs it cannot start -----------------------------------------------------------------

  @Test
  void refusesARunOfAnotherJob() {
    NorthflankJob job = Fixtures.manualJob();
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().jobName = "other-job";

    assertThatThrownBy(() -> RunJobManifest.of(job, run, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJobRun " + RUN_NAME + ": spec.jobName is 'other-job', not 'example-job'");
  }

  @Test
  void anUnknownPlanOfTheRunNamesTheRunsField() {
    NorthflankJob job = Fixtures.manualJob();
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().billing = new Billing();
    run.getSpec().billing.deploymentPlan = "nf-compute-9000";

    assertThatThrownBy(() -> RunJobManifest.of(job, run, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "NorthflankJobRun " + RUN_NAME + ": spec.billing.deploymentPlan: unknown plan 'nf-compute-9000'");
  }

  @Test
  void aMalformedRunCommandNamesTheRunsField() {
    NorthflankJob job = Fixtures.manualJob();
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.getSpec().deployment = new RunDeployment();
    run.getSpec().deployment.docker = docker(DockerOverride.ConfigType.CUSTOM_COMMAND, null, "echo \"unclosed");

    assertThatThrownBy(() -> RunJobManifest.of(job, run, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJobRun " + RUN_NAME + ": spec.deployment.docker.customCommand: "
            + "unterminated double quote: the quote at character 6 is never closed");
  }

  @Test
  void refusesARunWithoutImageWhenTheJobHasNone() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().deployment.external = null;

    assertThatThrownBy(() -> RunJobManifest.of(job, Fixtures.run(RUN_NAME, job), SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.deployment.external.imagePath is required: the image to run");
  }

  @Test
  void refusesARunNameTooLongForAJob() {
    NorthflankJob job = Fixtures.manualJob();
    NorthflankJobRun run = Fixtures.run("r".repeat(64), job);

    assertThatThrownBy(() -> RunJobManifest.of(job, run, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("metadata.name is longer than the 63 characters a Job name may have");
  }

  @Test
  void refusesARunWithoutSpec() {
    NorthflankJob job = Fixtures.manualJob();
    NorthflankJobRun run = Fixtures.run(RUN_NAME, job);
    run.setSpec(null);

    assertThatThrownBy(() -> RunJobManifest.of(job, run, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJobRun " + RUN_NAME + ": spec is required");
  }

  private static PodSpec podSpec(Job job) {
    return job.getSpec().getTemplate().getSpec();
  }

  private static Container container(Job job) {
    return podSpec(job).getContainers().get(0);
  }
}
