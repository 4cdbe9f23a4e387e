package io.northflankjob.operator.validation;

/**
 * One thing wrong with a manifest.
 *
 * @param field where, as a path from the object's root, e.g. {@code spec.settings.cron.schedule}
 * @param message what is wrong and what is allowed instead
 */
public record Problem(String field, String message) {

  /** {@code field: message}, the form the CLI prints and the Ready condition carries. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
