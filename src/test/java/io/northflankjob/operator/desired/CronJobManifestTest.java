package io.northflankjob.operator.desired;

import static io.northflankjob.operator.desired.Fixtures.buildpack;
import static io.northflankjob.operator.desired.Fixtures.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.northflankjob.operator.api.v1alpha1.BuildpackOverride;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.Settings.Cron.ConcurrencyPolicy;
import io.northflankjob.operator.config.OperatorSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CronJobManifestTest {

  private static final OperatorSettings FULL_REQUESTS = Fixtures.settings(1.0);

  // --- metadata -----------------------------------------------------------------------------

  @Test
  void hasTheJobsNameAndNamespace() {
    CronJob cronJob = CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS);

    assertThat(cronJob.getApiVersion()).isEqualTo("batch/v1");
    assertThat(cronJob.getKind()).isEqualTo("CronJob");
    assertThat(cronJob.getMetadata().getName()).isEqualTo("example-job");
    assertThat(cronJob.getMetadata().getNamespace()).isEqualTo("default-project");
  }

  @Test
  void isControlledByTheNorthflankJob() {
    CronJob cronJob = CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS);

    assertThat(cronJob.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getApiVersion()).isEqualTo("northflank.com/v1alpha1");
      assertThat(owner.getKind()).isEqualTo("NorthflankJob");
      assertThat(owner.getName()).isEqualTo("example-job");
      assertThat(owner.getUid()).isEqualTo(Fixtures.JOB_UID);
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getBlockOwnerDeletion()).isTrue();
    });
  }

  @Test
  void aJobNeverStoredHasNoOwnerReferenceForLackOfUid() {
    NorthflankJob job = Fixtures.cronJob();
    job.getMetadata().setUid(null);

    List<OwnerReference> owners = CronJobManifest.of(job, FULL_REQUESTS).getMetadata().getOwnerReferences();

    assertThat(owners).isEmpty();
  }

  @Test
  void labelsTheCronJobItsJobsAndTheirPods() {
    CronJob cronJob = CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS);
    Map<String, String> expected = Map.of(
        "app.kubernetes.io/managed-by", "northflank-job-operator",
        "northflank.com/job", "example-job",
        "tag.northflank.com/my-tag", "true");

    assertThat(cronJob.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(jobTemplateMeta(cronJob).getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(podMeta(cronJob).getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void annotatesWithNameDescriptionAndTags() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().tags = List.of("my-tag", "nightly");

    CronJob cronJob = CronJobManifest.of(job, FULL_REQUESTS);

    Map<String, String> expected = Map.of(
        "northflank.com/name", "Example Job",
        "northflank.com/description", "This is the job description",
        "northflank.com/tags", "my-tag,nightly");
    assertThat(cronJob.getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(jobTemplateMeta(cronJob).getAnnotations()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(podMeta(cronJob).getAnnotations()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void leavesOutDescriptionAndTagsAnnotationsWhenThereAreNone() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().description = null;
    job.getSpec().tags = List.of();

    CronJob cronJob = CronJobManifest.of(job, FULL_REQUESTS);

    assertThat(cronJob.getMetadata().getAnnotations()).containsOnlyKeys("northflank.com/name");
    assertThat(cronJob.getMetadata().getLabels()).doesNotContainKey("tag.northflank.com/my-tag");
  }

  @Test
  void aTagTooLongForALabelKeyIsOnlyInTheAnnotation() {
    NorthflankJob job = Fixtures.cronJob();
    String longTag = "t".repeat(64);
    job.getSpec().tags = List.of("short", longTag);

    CronJob cronJob = CronJobManifest.of(job, FULL_REQUESTS);

    assertThat(cronJob.getMetadata().getLabels())
        .containsEntry("tag.northflank.com/short", "true")
        .doesNotContainKey("tag.northflank.com/" + longTag);
    assertThat(cronJob.getMetadata().getAnnotations()).containsEntry("northflank.com/tags", "short," + longTag);
    assertThat(allLabels(cronJob)).allSatisfy((key, value) -> {
      assertThat(LabelSyntax.isValidKey(key)).as(key).isTrue();
      assertThat(LabelSyntax.isValidValue(value)).as(value).isTrue();
    });
  }

  // --- schedule -----------------------------------------------------------------------------

  @Test
  void schedulesAsTheJobSaysInUtc() {
    CronJob cronJob = CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS);

    assertThat(cronJob.getSpec().getSchedule()).isEqualTo("30 8 * * *");
    assertThat(cronJob.getSpec().getTimeZone()).isEqualTo("Etc/UTC");
  }

  @ParameterizedTest
  @EnumSource(ConcurrencyPolicy.class)
  void takesTheConcurrencyPolicy(ConcurrencyPolicy policy) {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().settings.cron.concurrencyPolicy = policy;

    assertThat(CronJobManifest.of(job, FULL_REQUESTS).getSpec().getConcurrencyPolicy()).isEqualTo(policy.name());
  }

  @Test
  void concurrencyPolicyDefaultsToAllow() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().settings.cron.concurrencyPolicy = null;

    assertThat(CronJobManifest.of(job, FULL_REQUESTS).getSpec().getConcurrencyPolicy()).isEqualTo("Allow");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"true, true", "false, false", "null, false"})
  void suspendsWhenTheJobIsSuspended(Boolean suspended, boolean expected) {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().suspended = suspended;

    assertThat(CronJobManifest.of(job, FULL_REQUESTS).getSpec().getSuspend()).isEqualTo(expected);
  }

  @Test
  void keepsTheDefaultHistoryLimitsExplicitAndNoStartingDeadline() {
    CronJob cronJob = CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS);

    assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
    assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(1);
    assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isNull();
  }

  // --- job template -------------------------------------------------------------------------

  @Test
  void retriesAndDeadlineComeFromTheJobSettings() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().settings.backoffLimit = 4;
    job.getSpec().settings.activeDeadlineSeconds = 1800L;

    JobSpec jobSpec = CronJobManifest.of(job, FULL_REQUESTS).getSpec().getJobTemplate().getSpec();

    assertThat(jobSpec.getBackoffLimit()).isEqualTo(4);
    assertThat(jobSpec.getActiveDeadlineSeconds()).isEqualTo(1800L);
  }

  @Test
  void podsAreNeverRestartedInPlace() {
    PodSpec pod = podSpec(CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS));

    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getContainers()).hasSize(1);
  }

  @Test
  void runsTheExternalImageInAContainerNamedJob() {
    Container container = container(CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS));

    assertThat(container.getName()).isEqualTo("job");
    assertThat(container.getImage()).isEqualTo("busybox:1.36");
  }

  @Test
  void pullsWithTheCredentialsSecret() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.external.credentials = "registry-creds";

    PodSpec pod = podSpec(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(pod.getImagePullSecrets()).containsExactly(new LocalObjectReference("registry-creds"));
  }

  @Test
  void noCredentialsNoPullSecrets() {
    assertThat(podSpec(CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS)).getImagePullSecrets()).isEmpty();
  }

  // --- command and args ---------------------------------------------------------------------

  @Test
  void defaultDockerConfigurationKeepsTheImagesEntrypointAndCmd() {
    Container container = container(CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS));

    assertThat(container.getCommand()).isEmpty();
    assertThat(container.getArgs()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // configType                  | entrypoint         | command                    | expected command  | expected args
      "CUSTOM_ENTRYPOINT               | /bin/sh -c         | null                       | /bin/sh,-c        | ''",
      "CUSTOM_COMMAND                  | null               | echo 'hello world' \"$HOME\" | ''              | echo,hello world,$HOME",
      "CUSTOM_ENTRYPOINT_CUSTOM_COMMAND| /usr/bin/env bash  | -c 'date; sleep 1'         | /usr/bin/env,bash | -c,date; sleep 1",
  })
  void dockerOverridesSetCommandAndArgsAsAShellSplitsThem(
      DockerOverride.ConfigType type, String entrypoint, String command,
      String expectedCommand, String expectedArgs) {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = docker(type, entrypoint, command);

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getCommand()).isEqualTo(list(expectedCommand));
    assertThat(container.getArgs()).isEqualTo(list(expectedArgs));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // configType                     | process | entrypoint   | command              | expected command | expected args
      "DEFAULT                            | null    | null         | null                 | ''               | ''",
      "CUSTOM_PROCESS                     | worker  | null         | null                 | worker           | ''",
      "CUSTOM_COMMAND                     | null    | null         | rake 'db:migrate'    | launcher         | rake,db:migrate",
      "CUSTOM_ENTRYPOINT_CUSTOM_COMMAND   | null    | /bin/bash    | -c 'echo $PORT'      | /bin/bash        | -c,echo $PORT",
      "ORIGINAL_ENTRYPOINT_CUSTOM_COMMAND | null    | null         | --port \"80 80\"     | ''               | --port,80 80",
  })
  void buildpackOverridesApplyWhenThereIsNoDockerOverride(
      BuildpackOverride.ConfigType type, String process, String entrypoint, String command,
      String expectedCommand, String expectedArgs) {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = null;
    job.getSpec().deployment.buildpack = buildpack(type, process, entrypoint, command);

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getCommand()).isEqualTo(list(expectedCommand));
    assertThat(container.getArgs()).isEqualTo(list(expectedArgs));
  }

  @Test
  void aDockerOverrideEvenDefaultTakesPrecedenceOverTheBuildpackOverride() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = docker(DockerOverride.ConfigType.DEFAULT, null, null);
    job.getSpec().deployment.buildpack =
        buildpack(BuildpackOverride.ConfigType.CUSTOM_PROCESS, "worker", null, null);

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getCommand()).isEmpty();
    assertThat(container.getArgs()).isEmpty();
  }

  @Test
  void noOverridesAtAllKeepTheImagesStart() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = null;
    job.getSpec().deployment.buildpack = null;

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getCommand()).isEmpty();
    assertThat(container.getArgs()).isEmpty();
  }

  // --- resources ----------------------------------------------------------------------------

  @Test
  void limitsAreThePlanAndRequestsTheLimitsTimesTheModifier() {
    Container container = container(CronJobManifest.of(Fixtures.cronJob(), Fixtures.settings(0.7)));

    // nf-compute-20: 0.2 vCPU, 512 MB; 512 × 0.7 = 358.4, rounded down.
    assertThat(amounts(container.getResources().getLimits()))
        .containsOnly(entry("cpu", "200m"), entry("memory", "512Mi"), entry("ephemeral-storage", "1024Mi"));
    assertThat(amounts(container.getResources().getRequests()))
        .containsOnly(entry("cpu", "140m"), entry("memory", "358Mi"), entry("ephemeral-storage", "1024Mi"));
  }

  @Test
  void aModifierOfOneRequestsTheLimits() {
    Container container = container(CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS));

    assertThat(container.getResources().getRequests()).isEqualTo(container.getResources().getLimits());
  }

  @ParameterizedTest
  @CsvSource({
      "nf-compute-10,      0.001, 100m,   256Mi,   1m,     1Mi",
      "nf-compute-100-1,   0.7,   1000m,  1024Mi,  700m,   716Mi",
      "nf-compute-2000-40, 0.33,  20000m, 40960Mi, 6600m,  13516Mi",
      "nf-compute-50,      0.9,   500m,   1024Mi,  450m,   921Mi",
  })
  void requestsAreRoundedDownToWholeUnitsButNeverZero(
      String plan, double modifier, String cpuLimit, String memoryLimit,
      String cpuRequest, String memoryRequest) {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().billing.deploymentPlan = plan;

    Container container = container(CronJobManifest.of(job, Fixtures.settings(modifier)));

    assertThat(amounts(container.getResources().getLimits()))
        .contains(entry("cpu", cpuLimit), entry("memory", memoryLimit));
    assertThat(amounts(container.getResources().getRequests()))
        .contains(entry("cpu", cpuRequest), entry("memory", memoryRequest));
  }

  @Test
  void fractionalEphemeralStorageIsRoundedUpToAWholeMebibyte() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.storage.ephemeralStorage.storageSize = new BigDecimal("2048.25");

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(amounts(container.getResources().getLimits())).containsEntry("ephemeral-storage", "2049Mi");
    assertThat(amounts(container.getResources().getRequests())).containsEntry("ephemeral-storage", "2049Mi");
  }

  @Test
  void noEphemeralStorageSettingLeavesItToTheNode() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.storage = null;

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getResources().getLimits()).containsOnlyKeys("cpu", "memory");
    assertThat(container.getResources().getRequests()).containsOnlyKeys("cpu", "memory");
  }

  @Test
  void quantitiesAreWrittenInMillicoresAndMebibytes() {
    String yaml = Serialization.asYaml(CronJobManifest.of(Fixtures.cronJob(), Fixtures.settings(0.5)));

    assertThat(yaml)
        .contains("cpu: \"200m\"", "memory: \"512Mi\"", "ephemeral-storage: \"1024Mi\"",
            "cpu: \"100m\"", "memory: \"256Mi\"");
  }

  // --- environment --------------------------------------------------------------------------

  @Test
  void runtimeEnvironmentBecomesEnvSortedByName() {
    NorthflankJob job = Fixtures.cronJob();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ZONE", "eu");
    env.put("API_URL", "https://api.example.com");
    env.put("LOG_LEVEL", "debug");
    job.getSpec().runtimeEnvironment = env;

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getEnv()).containsExactly(
        new EnvVar("API_URL", "https://api.example.com", null),
        new EnvVar("LOG_LEVEL", "debug", null),
        new EnvVar("ZONE", "eu", null));
  }

  @Test
  void anEmptyValueIsLeftOutAsTheApiServerStoresIt() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().runtimeEnvironment = Map.of("EMPTY", "", "FULL", "x");

    Container container = container(CronJobManifest.of(job, FULL_REQUESTS));

    assertThat(container.getEnv()).containsExactly(new EnvVar("EMPTY", null, null), new EnvVar("FULL", "x", null));
  }

  @Test
  void noRuntimeEnvironmentNoEnv() {
    assertThat(container(CronJobManifest.of(Fixtures.cronJob(), FULL_REQUESTS)).getEnv()).isEmpty();
  }

  // --- specs it cannot run ------------------------------------------------------------------

  @Test
  void refusesAManualJob() {
    assertThatThrownBy(() -> CronJobManifest.of(Fixtures.manualJob(), FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.jobType is MANUAL; only a cron job has a CronJob");
  }

  @Test
  void refusesAManualJobAsSuchEvenWithoutImage() {
    NorthflankJob job = Fixtures.manualJob();
    job.getSpec().deployment.external = null;

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only a cron job has a CronJob");
  }

  @Test
  void refusesACronJobWithoutSchedule() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().settings.cron.schedule = null;

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.settings.cron.schedule is required for a cron job");
  }

  @Test
  void refusesAJobWithoutImage() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.external = null;

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.deployment.external.imagePath is required: the image to run");
  }

  @Test
  void refusesAJobWithoutDeployment() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment = null;

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.deployment.external.imagePath is required");
  }

  @Test
  void refusesAnUnknownPlan() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().billing.deploymentPlan = "nf-gpu-h100-80-1g";

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "NorthflankJob example-job: spec.billing.deploymentPlan: unknown plan 'nf-gpu-h100-80-1g'; known plans: nf-compute-10,");
  }

  @Test
  void refusesACommandWithAnUnterminatedQuote() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = docker(DockerOverride.ConfigType.CUSTOM_COMMAND, null, "echo 'oops");

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.deployment.docker.customCommand: "
            + "unterminated single quote: the quote at character 6 is never closed");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"null", "'   '"})
  void refusesABlankPartTheConfigTypeNeeds(String entrypoint) {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = docker(DockerOverride.ConfigType.CUSTOM_ENTRYPOINT, entrypoint, null);

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.deployment.docker.customEntrypoint "
            + "is required by its configType and must not be blank");
  }

  @Test
  void refusesABuildpackCustomProcessWithoutProcess() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().deployment.docker = null;
    job.getSpec().deployment.buildpack = buildpack(BuildpackOverride.ConfigType.CUSTOM_PROCESS, null, null, null);

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("NorthflankJob example-job: spec.deployment.buildpack.customProcess is required");
  }

  @Test
  void refusesAJobWithoutBackoffLimit() {
    NorthflankJob job = Fixtures.cronJob();
    job.getSpec().settings.backoffLimit = null;

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NorthflankJob example-job: spec.settings.backoffLimit is required");
  }

  @Test
  void refusesAJobWithoutSpec() {
    NorthflankJob job = Fixtures.cronJob();
    job.setSpec(null);

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a NorthflankJob with a spec is required");
  }

  @Test
  void refusesANameTooLongForACronJob() {
    NorthflankJob job = Fixtures.cronJob();
    job.getMetadata().setName("n".repeat(53));

    assertThatThrownBy(() -> CronJobManifest.of(job, FULL_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("metadata.name is longer than the 52 characters a CronJob name may have");
  }

  @Test
  void acceptsTheLongestCronJobName() {
    NorthflankJob job = Fixtures.cronJob();
    job.getMetadata().setName("n".repeat(52));

    assertThat(CronJobManifest.of(job, FULL_REQUESTS).getMetadata().getName()).hasSize(52);
  }

  // --- helpers ------------------------------------------------------------------------------

  private static ObjectMeta jobTemplateMeta(CronJob cronJob) {
    return cronJob.getSpec().getJobTemplate().getMetadata();
  }

  private static ObjectMeta podMeta(CronJob cronJob) {
    return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata();
  }

  private static PodSpec podSpec(CronJob cronJob) {
    return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
  }

  private static Container container(CronJob cronJob) {
    return podSpec(cronJob).getContainers().get(0);
  }

  private static Map<String, String> allLabels(CronJob cronJob) {
    Map<String, String> labels = new LinkedHashMap<>(cronJob.getMetadata().getLabels());
    labels.putAll(jobTemplateMeta(cronJob).getLabels());
    labels.putAll(podMeta(cronJob).getLabels());
    return labels;
  }

  /** Each quantity as it is written: amount and unit. */
  static Map<String, String> amounts(Map<String, Quantity> quantities) {
    Map<String, String> amounts = new LinkedHashMap<>();
    quantities.forEach((name, quantity) -> amounts.put(name, quantity.getAmount() + quantity.getFormat()));
    return amounts;
  }

  /** A comma-separated list from a test table; '' is the empty list. */
  private static List<String> list(String commaSeparated) {
    return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
  }
}
