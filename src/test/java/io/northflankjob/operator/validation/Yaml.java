package io.northflankjob.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test manifests: YAML from resources and files, and JSON merge patches on them. */
final class Yaml {

  static final YAMLMapper MAPPER = new YAMLMapper();

  private Yaml() {}

  static JsonNode resource(String name) {
    try (InputStream in = Yaml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String yaml) {
    try {
      return MAPPER.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a multi-document YAML file. */
  static List<JsonNode> documents(Path file) {
    try (var documents = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file))) {
      List<JsonNode> all = new ArrayList<>();
      documents.forEachRemaining(document -> {
        if (document != null && document.isObject()) {
          all.add(document);
        }
      });
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code target} with a JSON merge patch (RFC 7386) applied: null removes a field. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target.isObject() ? target.deepCopy() : MAPPER.createObjectNode();
    patch.fields().forEachRemaining(field -> {
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), mergePatch(result.path(field.getKey()), field.getValue()));
      }
    });
    return result;
  }
}
