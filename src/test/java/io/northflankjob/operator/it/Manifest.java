package io.northflankjob.operator.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A manifest from the test resources as plain nested maps, so that tests can make it invalid in
 * ways the typed classes cannot express (a value outside an enum, a missing required field) and
 * send it as it is.
 */
final class Manifest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> root;

  private Manifest(Map<String, Object> root) {
    this.root = root;
  }

  static Manifest load(String resource) {
    try (InputStream in = Manifest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new Manifest(YAML.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A manifest file of the repository, e.g. one of examples/. */
  static Manifest read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new Manifest(YAML.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest of an object read from the server. */
  static Manifest of(HasMetadata object) {
    return new Manifest(JSON.convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() {}));
  }

  Manifest name(String name) {
    return set("metadata.name", name);
  }

  String name() {
    return (String) get("metadata.name");
  }

  /** Sets the value at a dotted path, creating the objects on the way. */
  @SuppressWarnings("unchecked")
  Manifest set(String path, Object value) {
    String[] keys = path.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(keys[i], k -> new LinkedHashMap<>());
    }
    node.put(keys[keys.length - 1], value);
    return this;
  }

  @SuppressWarnings("unchecked")
  Manifest remove(String path) {
    String[] keys = path.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      node = (Map<String, Object>) node.get(keys[i]);
    }
    node.remove(keys[keys.length - 1]);
    return this;
  }

  @SuppressWarnings("unchecked")
  Object get(String path) {
    Object node = root;
    for (String key : path.split("\\.")) {
      node = node == null ? null : ((Map<String, Object>) node).get(key);
    }
    return node;
  }

  /**
   * {@code value} without the map keys {@code shape} lacks, at every depth: what the server
   * returned of the fields a manifest sets, without the defaults it added.
   */
  @SuppressWarnings("unchecked")
  static Object onlyKeysOf(Object value, Object shape) {
    if (value instanceof List<?> list && shape instanceof List<?> wantedList
        && list.size() == wantedList.size()) {
      return IntStream.range(0, list.size())
          .mapToObj(i -> onlyKeysOf(list.get(i), wantedList.get(i)))
          .toList();
    }
    if (!(value instanceof Map<?, ?> map) || !(shape instanceof Map<?, ?> wanted)) {
      return value;
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    ((Map<String, Object>) map).forEach((key, v) -> {
      if (wanted.containsKey(key)) {
        kept.put(key, onlyKeysOf(v, wanted.get(key)));
      }
    });
    return kept;
  }

  /** A deep copy, as a generic resource the client sends without typed checks. */
  GenericKubernetesResource toResource() {
    return as(GenericKubernetesResource.class);
  }

  JsonNode toJson() {
    return JSON.valueToTree(root);
  }

  <T extends HasMetadata> T as(Class<T> type) {
    return JSON.convertValue(root, type);
  }
}
