package io.northflankjob.operator.validation;

import java.util.regex.Pattern;

/** Field paths as Kubernetes prints them: {@code spec.tags[0]}, {@code spec.runtimeEnvironment[a.b]}. */
final class FieldPath {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private FieldPath() {}

  static String child(String parent, String name) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      return parent + "[" + name + "]";
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** True when {@code path} is {@code ancestor} or lies under it. */
  static boolean isWithin(String path, String ancestor) {
    return ancestor.isEmpty()
        || path.equals(ancestor)
        || path.startsWith(ancestor + ".")
        || path.startsWith(ancestor + "[");
  }
}
