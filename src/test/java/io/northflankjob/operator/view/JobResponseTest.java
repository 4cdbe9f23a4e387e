package io.northflankjob.operator.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The view against the "Get job" page: its schema (written from the page as
 * northflank-get-job.schema.json) and its example response (northflank-get-job.example.json).
 */
class JobResponseTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = resource("northflank-get-job.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @Test
  void viewOfTheExampleJobValidatesAgainstThePageSchema() {
    assertThat(validate(view(exampleJob()))).isEmpty();
  }

  @Test
  void viewOfTheExampleJobIsThePageExampleFieldForFieldInOrder() throws IOException {
    JsonNode expected;
    try (InputStream in = resource("northflank-get-job.example.json")) {
      expected = MAPPER.readTree(in);
    }

    String actual = MAPPER.writeValueAsString(JobResponse.of(exampleJob()));

    // Compared as text, so nested field order and number formatting count too.
    assertThat(actual).isEqualTo(MAPPER.writeValueAsString(expected));
  }

  @Test
  void fabric8SerializationGivesTheSameJson() throws IOException {
    JobResponse response = JobResponse.of(exampleJob());

    assertThat(new KubernetesSerialization().asJson(response))
        .isEqualTo(MAPPER.writeValueAsString(response));
  }

  @Test
  void createOnlyFieldsAreLeftOut() {
    NorthflankJob job = exampleJob();
    job.getSpec().deployment.external = new External();
    job.getSpec().deployment.external.imagePath = "nginx:1.27";
    job.getSpec().deployment.external.credentials = "registry-creds";
    job.getSpec().runtimeEnvironment = Map.of("GREETING", "hello");

    JsonNode data = view(job).get("data");

    assertThat(data.has("runtimeEnvironment")).isFalse();
    assertThat(data.get("deployment").has("external")).isFalse();
    assertThat(validate(view(job))).isEmpty();
  }

  @Test
  void deploymentWithOnlyAnExternalImageIsLeftOutWhole() {
    NorthflankJob job = exampleJob();
    job.getSpec().deployment = new io.northflankjob.operator.api.v1alpha1.Deployment();
    job.getSpec().deployment.external = new External();
    job.getSpec().deployment.external.imagePath = "nginx:1.27";

    assertThat(view(job).get("data").has("deployment")).isFalse();
  }

  @Test
  void beforeTheFirstStatusIdentityComesFromMetadata() {
    NorthflankJob job = exampleJob();
    job.setStatus(null);

    JsonNode data = view(job).get("data");

    assertThat(data.get("id").asText()).isEqualTo("example-job");
    assertThat(data.get("projectId").asText()).isEqualTo("default-project");
    assertThat(data.get("createdAt").asText()).isEqualTo("2021-01-20T11:19:53.000Z");
    assertThat(data.has("appId")).isFalse();
    assertThat(data.has("cluster")).isFalse();
  }

  @Test
  void schemaRejectsWhatThePageDoesNotAllow() {
    JsonNode valid = view(exampleJob());

    assertThat(validate(with(valid, "/data/deployment", "external", Map.of("imagePath", "x"))))
        .as("a field the page does not list").isNotEmpty();
    assertThat(validate(with(valid, "/data", "jobType", "weekly")))
        .as("a value outside the enum").isNotEmpty();
    assertThat(validate(with(valid, "/data", "tags", List.of("not a tag"))))
        .as("a tag against the pattern").isNotEmpty();
    assertThat(validate(with(valid, "/data/settings", "activeDeadlineSeconds", 0)))
        .as("below the minimum").isNotEmpty();
    assertThat(validate(with(valid, "/data/buildConfiguration/storage/ephemeralStorage",
        "storageSize", 131072))).as("in the enum but above the maximum").isNotEmpty();
    ObjectNode withoutCluster = valid.deepCopy();
    ((ObjectNode) withoutCluster.get("data")).remove("cluster");
    assertThat(validate(withoutCluster)).as("a required field missing").isNotEmpty();
  }

  @Test
  void dataFieldsFollowThePageOrder() {
    List<String> names = new ArrayList<>();
    view(exampleJob()).get("data").fieldNames().forEachRemaining(names::add);

    assertThat(names).containsExactly("id", "appId", "name", "tags", "description", "projectId",
        "jobType", "createdAt", "vcsData", "buildConfiguration", "buildEngineConfiguration",
        "disabledCI", "disabledCD", "deployment", "billing", "suspended", "settings", "cluster");
  }

  private static NorthflankJob exampleJob() {
    try (InputStream in = resource("northflank-get-job.example-job.yaml")) {
      return new KubernetesSerialization().unmarshal(in, NorthflankJob.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode view(NorthflankJob job) {
    return MAPPER.valueToTree(JobResponse.of(job));
  }

  private static Set<ValidationMessage> validate(JsonNode node) {
    return schema.validate(node);
  }

  private static JsonNode with(JsonNode node, String pointer, String field, Object value) {
    JsonNode copy = node.deepCopy();
    ((ObjectNode) copy.at(pointer)).set(field, MAPPER.valueToTree(value));
    return copy;
  }

  private static InputStream resource(String name) {
    InputStream in = JobResponseTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
