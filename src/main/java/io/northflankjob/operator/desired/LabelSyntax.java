package io.northflankjob.operator.desired;

import java.util.regex.Pattern;

/**
 * Kubernetes' rules for label keys and values (the API server's {@code IsQualifiedName} and
 * {@code IsValidLabelValue}), so the operator never asks for a label the server would refuse.
 */
public final class LabelSyntax {

  /** Longest name part of a key, and longest value. */
  public static final int MAX_NAME_LENGTH = 63;
  /** Longest prefix of a key (a DNS subdomain). */
  public static final int MAX_PREFIX_LENGTH = 253;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelSyntax() {}

  /** A key is {@code [prefix/]name}: name up to 63 characters, prefix a DNS subdomain up to 253. */
  public static boolean isValidKey(String key) {
    if (key == null) {
      return false;
    }
    int slash = key.indexOf('/');
    if (slash < 0) {
      return isValidName(key);
    }
    String prefix = key.substring(0, slash);
    return prefix.length() <= MAX_PREFIX_LENGTH
        && DNS_SUBDOMAIN.matcher(prefix).matches()
        && isValidName(key.substring(slash + 1));
  }

  /** A value is empty, or up to 63 characters of the name syntax. */
  public static boolean isValidValue(String value) {
    return value != null && (value.isEmpty() || isValidName(value));
  }

  private static boolean isValidName(String name) {
    return name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }
}
