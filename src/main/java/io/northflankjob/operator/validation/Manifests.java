package io.northflankjob.operator.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Between a manifest as a tree and a custom resource as an object. Validation needs both: the
 * schema judges the tree, the operator's rules read the object.
 */
public final class Manifests {

  // Lenient: an unknown field or enum value is reported by the schema, and must not hide the
  // operator's own problems of the same object.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
      .build();

  private Manifests() {}

  /** The manifest as a {@code type}, or empty if a value has a type the class cannot hold. */
  public static <T> Optional<T> read(ObjectNode manifest, Class<T> type) {
    ObjectNode fields = manifest.deepCopy();
    // A custom resource computes these from its class; the schema checks what the manifest says.
    fields.remove(List.of("apiVersion", "kind"));
    try {
      return Optional.ofNullable(MAPPER.treeToValue(fields, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The object as the API server would store it. */
  public static JsonNode tree(Object resource) {
    return MAPPER.valueToTree(resource);
  }
}
