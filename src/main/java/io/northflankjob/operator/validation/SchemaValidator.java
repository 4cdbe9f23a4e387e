package io.northflankjob.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a manifest against a CRD's {@code openAPIV3Schema} offline, as the API server would:
 * the OpenAPI rules (types, enums, patterns, bounds, required fields), the CEL rules in
 * {@code x-kubernetes-validations}, and unknown fields, which the API server drops or refuses.
 *
 * <p>The schema comes from the CRD generated from the API classes and checked in under
 * {@code crds/}, which the jar carries as {@code META-INF/crds/<plural>.<group>.yaml}, so the
 * rules have one source. Each problem reads {@code field: what is allowed}.
 */
public final class SchemaValidator {

  private static final String CRD_RESOURCE = "/META-INF/crds/%s.yaml";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** What Kubernetes requires of every object's name: an RFC 1123 subdomain. */
  private static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  private static final class Crds {
    static final SchemaValidator JOBS = fromClasspath("northflankjobs.northflank.com");
    static final SchemaValidator RUNS = fromClasspath("northflankjobruns.northflank.com");
  }

  private final JsonNode rootSchema;
  private final JsonSchema jsonSchema;
  /** The CEL rules of each schema node that has any, by identity of the node. */
  private final Map<JsonNode, List<CelRules.Rule>> rules = new IdentityHashMap<>();

  private SchemaValidator(JsonNode rootSchema) {
    this.rootSchema = rootSchema;
    this.jsonSchema = schemaFactory().getSchema(rootSchema);
    collectRules(rootSchema);
  }

  /** The validator of NorthflankJob manifests. */
  public static SchemaValidator forJobs() {
    return Crds.JOBS;
  }

  /** The validator of NorthflankJobRun manifests. */
  public static SchemaValidator forRuns() {
    return Crds.RUNS;
  }

  /**
   * The validator of objects of {@code version} of a CRD ({@code apiextensions.k8s.io/v1}).
   *
   * @throws IllegalArgumentException if the CRD has no schema for that version
   * @throws IllegalStateException if one of its CEL rules cannot be evaluated offline
   */
  public static SchemaValidator of(JsonNode crd, String version) {
    String group = crd.path("spec").path("group").asText();
    String kind = crd.path("spec").path("names").path("kind").asText();
    for (JsonNode served : crd.path("spec").path("versions")) {
      if (served.path("name").asText().equals(version)) {
        JsonNode schema = served.path("schema").path("openAPIV3Schema");
        if (!schema.isObject()) {
          break;
        }
        return new SchemaValidator(withObjectFields((ObjectNode) schema.deepCopy(), group + "/" + version, kind));
      }
    }
    throw new IllegalArgumentException("the CRD has no openAPIV3Schema for version " + version);
  }

  /** The problems of {@code manifest}, ordered by field; none when the API server would accept it. */
  public List<Problem> validate(JsonNode manifest) {
    if (manifest == null || !manifest.isObject()) {
      return List.of(new Problem("(document)", "must be a mapping of fields, like apiVersion, kind, metadata and spec"));
    }
    JsonNode object = withoutNulls(manifest);
    List<Problem> problems = new ArrayList<>();
    for (ValidationMessage message : jsonSchema.validate(object)) {
      problems.add(problem(message));
    }
    List<Problem> openApiProblems = List.copyOf(problems);
    walk(object, rootSchema, "", problems, openApiProblems);
    problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::message));
    return List.copyOf(problems);
  }

  /** Unknown fields and CEL rules, node by node, in step with the schema. */
  private void walk(JsonNode value, JsonNode schema, String path, List<Problem> problems,
      List<Problem> openApiProblems) {
    for (CelRules.Rule rule : rules.getOrDefault(schema, List.of())) {
      CelRules.Outcome outcome = CelRules.evaluate(rule, value, schema);
      String field = rule.fieldPath().isEmpty() ? path : path + rule.fieldPath();
      if (outcome.error().isPresent()) {
        // A value of the wrong type or shape, already reported, makes a rule fail to evaluate.
        if (openApiProblems.stream().noneMatch(p -> FieldPath.isWithin(p.field(), path))) {
          problems.add(new Problem(field, "rule " + Messages.quote(rule.expression())
              + " could not be evaluated: " + outcome.error().get()));
        }
      } else if (!outcome.passed()) {
        problems.add(new Problem(field, rule.failure()));
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      boolean keepsUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
          || (additional != null && additional.asBoolean(false));
      value.fields().forEachRemaining(field -> {
        String childPath = FieldPath.child(path, field.getKey());
        JsonNode childSchema = properties.get(field.getKey());
        if (childSchema == null && additional != null && additional.isObject()) {
          childSchema = additional;
        }
        if (childSchema != null) {
          walk(field.getValue(), childSchema, childPath, problems, openApiProblems);
        } else if (!keepsUnknown) {
          problems.add(new Problem(childPath, unknownField(field.getKey(), properties)));
        }
      });
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), schema.get("items"), FieldPath.index(path, i), problems, openApiProblems);
      }
    }
  }

  /** An OpenAPI failure as {@code field: what is allowed}. */
  private static Problem problem(ValidationMessage message) {
    String field = path(message.getInstanceLocation());
    JsonNode value = message.getInstanceNode();
    JsonNode rule = message.getSchemaNode();
    String type = message.getType();
    return switch (type) {
      case "required" -> new Problem(FieldPath.child(field, message.getProperty()), "required");
      case "type" -> new Problem(field, "must be " + Messages.typeName(rule.asText()) + ", not "
          + Messages.typeName(String.valueOf(message.getArguments()[0])));
      case "enum" -> new Problem(field, Messages.value(value) + " is not allowed; must be one of "
          + StreamSupport.stream(rule.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", ")));
      case "pattern" -> new Problem(field, Messages.value(value) + " must match " + rule.asText());
      case "minLength" -> new Problem(field, rule.asInt() == 1
          ? "must not be empty"
          : "must be at least " + rule.asInt() + " characters, not " + value.asText().length());
      case "maxLength" -> new Problem(field,
          "must be at most " + rule.asInt() + " characters, not " + value.asText().length());
      case "minimum" -> new Problem(field, "must be at least " + Messages.value(rule) + ", not " + Messages.value(value));
      case "maximum" -> new Problem(field, "must be at most " + Messages.value(rule) + ", not " + Messages.value(value));
      case "minItems" -> new Problem(field, "must have at least " + rule.asInt() + " items, not " + value.size());
      case "maxItems" -> new Problem(field, "must have at most " + rule.asInt() + " items, not " + value.size());
      case "minProperties" -> new Problem(field, "must have at least " + rule.asInt() + " entries, not " + value.size());
      case "maxProperties" -> new Problem(field, "must have at most " + rule.asInt() + " entries, not " + value.size());
      default -> new Problem(field, withoutLocation(message.getMessage()));
    };
  }

  private static String path(JsonNodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index
          ? FieldPath.index(path, index)
          : FieldPath.child(path, String.valueOf(element));
    }
    return path;
  }

  private static String withoutLocation(String message) {
    int colon = message.indexOf(": ");
    return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
  }

  /** "unknown field", with the known field the name is a typo of, if any. */
  private static String unknownField(String name, JsonNode properties) {
    Iterator<String> known = properties.fieldNames();
    while (known.hasNext()) {
      String candidate = known.next();
      if (candidate.equalsIgnoreCase(name) || (name.length() > 3 && editDistance(candidate, name) <= 2)) {
        return "unknown field; did you mean " + candidate + "?";
      }
    }
    return "unknown field";
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private void collectRules(JsonNode schema) {
    List<CelRules.Rule> compiled = CelRules.of(schema);
    if (!compiled.isEmpty()) {
      rules.put(schema, compiled);
    }
    schema.path("properties").forEach(this::collectRules);
    for (String child : List.of("items", "additionalProperties")) {
      if (schema.path(child).isObject()) {
        collectRules(schema.get(child));
      }
    }
  }

  /**
   * The CRD's schema leaves out the fields every object has; the API server checks them itself.
   * They are added here so that a wrong apiVersion or kind, or a missing name, is reported too.
   */
  private static ObjectNode withObjectFields(ObjectNode schema, String apiVersion, String kind) {
    ObjectNode properties = schema.withObjectProperty("properties");
    properties.set("apiVersion", NODES.objectNode().put("type", "string")
        .set("enum", NODES.arrayNode().add(apiVersion)));
    properties.set("kind", NODES.objectNode().put("type", "string")
        .set("enum", NODES.arrayNode().add(kind)));
    ObjectNode metadata = NODES.objectNode().put("type", "object")
        .put("x-kubernetes-preserve-unknown-fields", true);
    metadata.set("required", NODES.arrayNode().add("name"));
    ObjectNode metadataFields = metadata.putObject("properties");
    metadataFields.putObject("name").put("type", "string").put("minLength", 1).put("maxLength", 253)
        .put("pattern", DNS_SUBDOMAIN);
    metadataFields.putObject("namespace").put("type", "string");
    properties.set("metadata", metadata);
    ArrayNode required = schema.withArrayProperty("required");
    for (String field : List.of("apiVersion", "kind", "metadata")) {
      required.add(field);
    }
    return schema;
  }

  /** Fields set to null are dropped, as the API server drops them before validating. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      node.fields().forEachRemaining(field -> {
        if (!field.getValue().isNull()) {
          copy.set(field.getKey(), withoutNulls(field.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return node;
  }

  private static JsonSchemaFactory schemaFactory() {
    JsonMetaSchema.Builder kubernetes = JsonMetaSchema.builder(OpenApi30.getInstance());
    for (String keyword : List.of(
        "x-kubernetes-validations", "x-kubernetes-preserve-unknown-fields",
        "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type")) {
      kubernetes.keyword(new NonValidationKeyword(keyword));
    }
    JsonMetaSchema metaSchema = kubernetes.build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(metaSchema.getIri()));
  }

  private static SchemaValidator fromClasspath(String crdName) {
    String resource = CRD_RESOURCE.formatted(crdName);
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath: the build generates it");
      }
      return of(YAML.readTree(in), NorthflankJob.VERSION);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
