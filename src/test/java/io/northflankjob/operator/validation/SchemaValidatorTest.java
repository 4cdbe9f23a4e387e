package io.northflankjob.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static final JsonNode VALID_JOB = Yaml.resource("/validation/valid-cron-job.yaml");

  /** A CRD with one object field {@code spec.size} that carries {@code rule}. */
  private static JsonNode crdWithRule(String rule) {
    return Yaml.parse("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        spec:
          group: example.com
          names: {kind: Widget}
          versions:
          - name: v1
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: string}
                    x-kubernetes-validations:
                    - rule: "%s"
        """.formatted(rule));
  }

  @Test
  void everyRuleOfTheProjectsCrdsEvaluatesOffline() {
    for (String crd : new String[] {"northflankjobs", "northflankjobruns"}) {
      JsonNode definition = Yaml.documents(Path.of("crds/" + crd + ".northflank.com.yaml")).get(0);
      assertThat(SchemaValidator.of(definition, NorthflankJob.VERSION)).as(crd).isNotNull();
    }
  }

  @Test
  void ruleUsingALibraryOnlyTheApiServerHasIsRefusedWhenTheCrdLoads() {
    assertThatThrownBy(() -> SchemaValidator.of(crdWithRule("quantity(self.size).isInteger()"), "v1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quantity(self.size).isInteger()")
        .hasMessageContaining("cannot be evaluated offline");
  }

  @Test
  void ruleWithoutMessageIsReportedAsTheApiServerDoes() {
    SchemaValidator validator = SchemaValidator.of(crdWithRule("self.size.startsWith('x')"), "v1");
    JsonNode widget = Yaml.parse("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: big}}");

    assertThat(validator.validate(widget))
        .containsExactly(new Problem("spec", "failed rule: self.size.startsWith('x')"));
  }

  @Test
  void transitionRulesAreLeftOutOffline() {
    // The run CRD's spec carries "self == oldSelf", which only an update can evaluate.
    JsonNode run = Yaml.parse("{apiVersion: northflank.com/v1alpha1, kind: NorthflankJobRun,"
        + " metadata: {name: r}, spec: {jobName: j}}");

    assertThat(SchemaValidator.forRuns().validate(run)).isEmpty();
  }

  @Test
  void metadataBeyondTheNameIsTheApiServersBusiness() {
    JsonNode job = Yaml.mergePatch(VALID_JOB, Yaml.parse("""
        metadata:
          annotations: {argocd.argoproj.io/sync-wave: "1"}
          finalizers: [example.com/keep]
          ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: c, uid: u}]
        """));

    assertThat(SchemaValidator.forJobs().validate(job)).isEmpty();
  }

  @Test
  void missingKindAndNameAreReported() {
    JsonNode job = Yaml.mergePatch(VALID_JOB, Yaml.parse("{kind: null, metadata: {name: null}}"));

    assertThat(SchemaValidator.forJobs().validate(job)).containsExactly(
        new Problem("kind", "required"),
        new Problem("metadata.name", "required"));
  }

  @Test
  void nullFieldsAreDroppedAsTheApiServerDropsThem() {
    JsonNode job = Yaml.mergePatch(VALID_JOB, Yaml.parse("{spec: {description: x}}"));
    ((ObjectNode) job.get("spec")).putNull("description");

    assertThat(SchemaValidator.forJobs().validate(job)).isEmpty();
  }

  @Test
  void ruleOverAValueOfTheWrongShapeGivesOnlyTheShapeProblem() {
    JsonNode job = Yaml.mergePatch(VALID_JOB, Yaml.parse("{spec: {settings: daily}}"));

    assertThat(SchemaValidator.forJobs().validate(job))
        .containsExactly(new Problem("spec.settings", "must be an object, not a string"));
  }

  @Test
  void keysThatAreNotPlainNamesAreBracketed() {
    JsonNode job = Yaml.mergePatch(VALID_JOB, Yaml.parse("{spec: {runtimeEnvironment: {app.port: 8080}}}"));

    assertThat(SchemaValidator.forJobs().validate(job))
        .containsExactly(new Problem("spec.runtimeEnvironment[app.port]", "must be a string, not an integer"));
  }

  @Test
  void documentThatIsNotAMappingIsOneProblem() {
    assertThat(SchemaValidator.forJobs().validate(Yaml.parse("- a\n- b\n")))
        .extracting(Problem::field).containsExactly("(document)");
  }

  @Test
  void statusTheOperatorWritesIsValid() {
    NorthflankJob job = Manifests.read((ObjectNode) VALID_JOB, NorthflankJob.class).orElseThrow();
    job.setStatus(new NorthflankJobStatus());
    job.getStatus().observedGeneration = 3L;
    job.getStatus().conditions.add(new ConditionBuilder()
        .withType("Ready").withStatus("True").withReason("Reconciled").withMessage("ok")
        .withLastTransitionTime("2026-01-20T11:19:53Z").withObservedGeneration(3L).build());

    assertThat(SchemaValidator.forJobs().validate(Manifests.tree(job))).isEmpty();
  }
}
