package io.northflankjob.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.validation.Problem;
import io.northflankjob.operator.validation.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs under crds/ on a real API server: they install, and the server itself (OpenAPI
 * schema, defaults and CEL rules) refuses what the schema forbids and fills in the defaults.
 */
class CrdSchemaIT {

  @RegisterExtension
  static final ApiServer API_SERVER = new ApiServer();

  private static final String NAMESPACE = "schema";
  private static final String EXAMPLES_NAMESPACE = "examples";

  @BeforeAll
  static void createNamespaces() {
    API_SERVER.createNamespace(NAMESPACE);
    API_SERVER.createNamespace(EXAMPLES_NAMESPACE);
  }

  @Test
  void bothCrdsAreEstablishedUnderTheirNames() {
    List<CustomResourceDefinition> files = API_SERVER.crds();
    assertThat(files).extracting(crd -> crd.getSpec().getNames().getKind())
        .containsExactlyInAnyOrder("NorthflankJob", "NorthflankJobRun");

    for (CustomResourceDefinition file : files) {
      CustomResourceDefinition installed = API_SERVER.client().apiextensions().v1()
          .customResourceDefinitions().withName(file.getMetadata().getName()).get();
      assertThat(installed.getStatus().getConditions())
          .as("conditions of %s", file.getMetadata().getName())
          .filteredOn(c -> "True".equals(c.getStatus()))
          .extracting(CustomResourceDefinitionCondition::getType)
          .contains("Established", "NamesAccepted")
          .doesNotContain("NonStructuralSchema");
      assertThat(installed.getStatus().getAcceptedNames().getShortNames())
          .isEqualTo(file.getSpec().getNames().getShortNames());
      assertThat(installed.getStatus().getAcceptedNames().getCategories()).containsExactly("northflank");
    }
  }

  @Test
  void pageExampleIsAcceptedAsItIs() {
    Manifest example = Manifest.read(Path.of("examples/cron-job.yaml"));

    jobs().resource(example.toResource()).create();

    GenericKubernetesResource stored = jobs().withName(example.name()).get();
    assertThat(stored.getAdditionalProperties().get("spec")).isEqualTo(example.get("spec"));
    NorthflankJob typed = API_SERVER.client().resources(NorthflankJob.class).inNamespace(NAMESPACE)
        .withName(example.name()).get();
    assertThat(typed.getSpec().name).isEqualTo("Example Job");
    assertThat(typed.getSpec().buildConfiguration.storage.ephemeralStorage.storageSize).isEqualTo(16384);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleIsAccepted(Path file) {
    Manifest example = Manifest.read(file);
    String kind = (String) example.get("kind");
    Class<? extends HasMetadata> type = "NorthflankJobRun".equals(kind) ? NorthflankJobRun.class : NorthflankJob.class;

    API_SERVER.client().genericKubernetesResources(ResourceDefinitionContext.fromResourceType(type))
        .inNamespace(EXAMPLES_NAMESPACE).resource(example.toResource()).create();

    GenericKubernetesResource stored = API_SERVER.client()
        .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(type))
        .inNamespace(EXAMPLES_NAMESPACE).withName(example.name()).get();
    SchemaValidator offline = type == NorthflankJob.class ? SchemaValidator.forJobs() : SchemaValidator.forRuns();
    assertThat(offline.validate(example.toJson())).as("offline validation of %s", file).isEmpty();
    // The server drops fields its schema does not know without an error: compare what came back.
    Object spec = example.get("spec");
    assertThat(Manifest.onlyKeysOf(stored.getAdditionalProperties().get("spec"), spec))
        .as("%s as stored, without the defaults it gained", file)
        .isEqualTo(spec);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).isNotEmpty();
      return yaml.stream();
    }
  }

  @Test
  void serverFillsInTheDefaults() {
    Manifest minimal = Manifest.load("it/minimal-cron-job.yaml").name("defaults");
    assertThat(minimal.get("spec.tags")).isNull();

    jobs().resource(minimal.toResource()).create();

    Manifest stored = Manifest.of(jobs().withName("defaults").get());
    assertThat(stored.get("spec.tags")).isEqualTo(List.of());
    assertThat(stored.get("spec.disabledCI")).isEqualTo(false);
    assertThat(stored.get("spec.disabledCD")).isEqualTo(false);
    assertThat(stored.get("spec.suspended")).isEqualTo(false);
    assertThat(stored.get("spec.settings.activeDeadlineSeconds")).isEqualTo(600);
    assertThat(stored.get("spec.settings.cron.concurrencyPolicy")).isEqualTo("Allow");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidJobs")
  void refusesInvalidJob(String what, UnaryOperator<Manifest> breakIt, String field, String message) {
    String name = what.replaceAll("[^a-zA-Z0-9]+", "-").toLowerCase();
    Manifest job = breakIt.apply(Manifest.load("it/minimal-cron-job.yaml").name(name));

    KubernetesClientException refused = catchThrowableOfType(
        KubernetesClientException.class, () -> jobs().resource(job.toResource()).create());

    assertRefused(refused, field, message);
    assertThat(jobs().withName(name).get()).as("nothing stored").isNull();
    // The operator's offline validator (used by `render` and the reconciler) agrees with the server.
    assertThat(SchemaValidator.forJobs().validate(job.toJson()))
        .as("offline validation of %s", what)
        .extracting(Problem::field)
        .contains(field);
  }

  static Stream<Arguments> invalidJobs() {
    return Stream.of(
        refused("jobType not manual or cron", set("spec.jobType", "scheduled"),
            "spec.jobType", "Unsupported value: \"scheduled\""),
        refused("tag not matching the pattern", set("spec.tags", List.of("my tag")),
            "spec.tags[0]", "should match '^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$'"),
        refused("tag over 100 characters", set("spec.tags", List.of("a".repeat(101))),
            "spec.tags[0]", "Too long"),
        refused("build storageSize over its maximum",
            set("spec.buildConfiguration.storage.ephemeralStorage.storageSize", 131072),
            "spec.buildConfiguration.storage.ephemeralStorage.storageSize",
            "should be less than or equal to 65536"),
        refused("build storageSize not one of the sizes",
            set("spec.buildConfiguration.storage.ephemeralStorage.storageSize", 20000),
            "spec.buildConfiguration.storage.ephemeralStorage.storageSize",
            "storageSize must be one of 16384, 32768, 65536"),
        refused("activeDeadlineSeconds 0", set("spec.settings.activeDeadlineSeconds", 0),
            "spec.settings.activeDeadlineSeconds", "should be greater than or equal to 1"),
        refused("backoffLimit -1", set("spec.settings.backoffLimit", -1),
            "spec.settings.backoffLimit", "should be greater than or equal to 0"),
        refused("no billing", remove("spec.billing"), "spec.billing", "Required value"),
        refused("no plan in billing", remove("spec.billing.deploymentPlan"),
            "spec.billing.deploymentPlan", "Required value"),
        refused("no settings", remove("spec.settings"), "spec.settings", "Required value"),
        refused("no name", remove("spec.name"), "spec.name", "Required value"),
        refused("cron job without schedule", remove("spec.settings.cron.schedule"),
            "spec.settings", "settings.cron.schedule is required when jobType is cron"),
        refused("docker customCommand without the command",
            set("spec.deployment.docker", Map.of("configType", "customCommand")),
            "spec.deployment.docker.customCommand", "customCommand is required when configType is customCommand"),
        refused("docker customEntrypoint without the entrypoint",
            set("spec.deployment.docker", Map.of("configType", "customEntrypoint")),
            "spec.deployment.docker.customEntrypoint", "customEntrypoint is required"),
        refused("buildpack customProcess without the process",
            set("spec.deployment.buildpack", Map.of("configType", "customProcess")),
            "spec.deployment.buildpack.customProcess", "customProcess is required when configType is customProcess"),
        refused("runtimeEnvironment name starting with a digit",
            set("spec.runtimeEnvironment", Map.of("1PASSWORD", "secret")),
            "spec.runtimeEnvironment", "runtimeEnvironment names must be letters, digits"),
        refused("external credentials not an ID", set("spec.deployment.external.credentials", "my_registry!"),
            "spec.deployment.external.credentials", "should match '^[A-Za-z0-9-]+$'"),
        refused("external image empty", set("spec.deployment.external.imagePath", ""),
            "spec.deployment.external.imagePath", "should be at least 1 chars long"),
        refused("concurrencyPolicy in lower case", set("spec.settings.cron.concurrencyPolicy", "allow"),
            "spec.settings.cron.concurrencyPolicy", "Unsupported value: \"allow\""),
        refused("vcs projectType unknown", set("spec.vcsData", Map.of("projectUrl", "https://example.com/r.git",
                "projectType", "subversion", "dockerWorkDir", "/", "dockerFilePath", "/Dockerfile")),
            "spec.vcsData.projectType", "Unsupported value: \"subversion\""),
        refused("deployment storageSize 0", set("spec.deployment.storage.ephemeralStorage.storageSize", 0),
            "spec.deployment.storage.ephemeralStorage.storageSize", "should be greater than or equal to 1"));
  }

  @Test
  void runsCannotBeChangedOnceCreatedButTheirStatusCan() {
    NorthflankJobRun run = new NorthflankJobRun();
    run.getMetadata().setName("run-once");
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = "nightly";
    var runs = API_SERVER.client().resources(NorthflankJobRun.class).inNamespace(NAMESPACE);
    runs.resource(run).create();

    KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
        () -> runs.withName("run-once").edit(r -> {
          r.getSpec().runtimeEnvironment = Map.of("DEBUG", "1");
          return r;
        }));
    assertRefused(refused, "spec", "a run cannot be changed once started");

    NorthflankJobRun current = runs.withName("run-once").get();
    current.setStatus(new NorthflankJobRunStatus());
    current.getStatus().status = RunStatus.RUNNING;
    runs.resource(current).updateStatus();
    assertThat(runs.withName("run-once").get().getStatus().status).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void runWithoutJobNameIsRefused() {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion("northflank.com/v1alpha1");
    resource.setKind("NorthflankJobRun");
    resource.setMetadata(new ObjectMetaBuilder().withName("no-job").build());
    resource.setAdditionalProperty("spec", Map.of("runtimeEnvironment", Map.of("A", "b")));

    KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
        () -> API_SERVER.client().genericKubernetesResources(
                ResourceDefinitionContext.fromResourceType(NorthflankJobRun.class))
            .inNamespace(NAMESPACE).resource(resource).create());

    assertRefused(refused, "spec.jobName", "Required value");
  }

  private static void assertRefused(KubernetesClientException refused, String field, String message) {
    assertThat(refused).as("refused by the API server").isNotNull();
    assertThat(refused.getCode()).as(refused.getMessage()).isEqualTo(422);
    assertThat(refused.getMessage()).contains(field);
    assertThat(refused.getStatus().getDetails().getCauses())
        .as(refused.getMessage())
        .anySatisfy(cause -> {
          assertThat(cause.getField()).isEqualTo(field);
          assertThat(cause.getMessage()).contains(message);
        });
  }

  private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> jobs() {
    return API_SERVER.client()
        .genericKubernetesResources(ResourceDefinitionContext.fromResourceType(NorthflankJob.class))
        .inNamespace(NAMESPACE);
  }

  private static Arguments refused(String what, UnaryOperator<Manifest> breakIt, String field, String message) {
    return Arguments.of(what, breakIt, field, message);
  }

  private static UnaryOperator<Manifest> set(String path, Object value) {
    return m -> m.set(path, value);
  }

  private static UnaryOperator<Manifest> remove(String path) {
    return m -> m.remove(path);
  }
}
