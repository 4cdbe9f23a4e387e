package io.northflankjob.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CRD's {@code x-kubernetes-validations} rules, compiled once and evaluated offline with cel-java
 * as the API server evaluates them with cel-go, so that the rules have one source: the CRD.
 *
 * <p>{@code self} is declared dynamic and the value is built from the schema's types (integer as
 * int, number as double, null fields left out as the API server prunes them). The standard
 * library and macros, the strings and sets extensions are available; Kubernetes' own libraries
 * (quantity, URL, IP, its lists and regex functions) are not: a rule using them fails to compile,
 * which {@link SchemaValidator} reports when it loads the CRD.
 */
final class CelRules {

  private static final CelOptions OPTIONS = CelOptions.current().build();
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS))
      .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS))
      .build();

  /** One rule as the CRD states it. */
  record Rule(String expression, String message, String fieldPath, CelRuntime.Program program) {

    /** What the API server says when the rule fails: its message, else the rule itself. */
    String failure() {
      return message != null && !message.isEmpty() ? message : "failed rule: " + expression;
    }
  }

  private CelRules() {}

  /**
   * The rules of one schema node. Transition rules (those reading {@code oldSelf}) judge an
   * update against the stored object, so they are left out: offline there is no stored object.
   *
   * @throws IllegalStateException if a rule does not compile
   */
  static List<Rule> of(JsonNode schema) {
    List<Rule> rules = new ArrayList<>();
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.path("rule").asText();
      if (expression.contains("oldSelf")) {
        continue;
      }
      rules.add(new Rule(
          expression,
          rule.path("message").asText(null),
          rule.path("fieldPath").asText(""),
          compile(expression)));
    }
    return List.copyOf(rules);
  }

  private static CelRuntime.Program compile(String expression) {
    try {
      return CEL.createProgram(CEL.compile(expression).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException(
          "CRD rule " + Messages.quote(expression) + " cannot be evaluated offline: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code self} satisfies the rule: true or false, or empty with the reason when the rule
   * could not be evaluated (a value of the wrong type, a field missing that the rule reads).
   */
  static Outcome evaluate(Rule rule, JsonNode self, JsonNode schema) {
    try {
      Object result = rule.program().eval(Map.of("self", value(self, schema)));
      return new Outcome(Boolean.TRUE.equals(result), Optional.empty());
    } catch (CelEvaluationException | RuntimeException e) {
      return new Outcome(false, Optional.of(String.valueOf(e.getMessage())));
    }
  }

  /** The result of one evaluation; {@code error} is present when there was no result. */
  record Outcome(boolean passed, Optional<String> error) {}

  /** The CEL value of a JSON value, typed by its schema as the API server types it. */
  static Object value(JsonNode node, JsonNode schema) {
    JsonNode type = schema == null ? null : schema.get("type");
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(field -> {
        if (!field.getValue().isNull()) {
          map.put(field.getKey(), value(field.getValue(), childSchema(schema, field.getKey())));
        }
      });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      JsonNode items = schema == null ? null : schema.get("items");
      node.forEach(item -> list.add(value(item, items)));
      return list;
    }
    if (node.isNumber()) {
      boolean number = type != null && type.asText().equals("number");
      return !number && node.isIntegralNumber() && node.canConvertToLong()
          ? (Object) node.longValue()
          : (Object) node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  private static JsonNode childSchema(JsonNode schema, String name) {
    if (schema == null) {
      return null;
    }
    JsonNode property = schema.path("properties").get(name);
    if (property != null) {
      return property;
    }
    JsonNode additional = schema.get("additionalProperties");
    return additional != null && additional.isObject() ? additional : null;
  }
}
