package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;

/** A failure as one line for a Ready condition: what went wrong, not a stack trace. */
final class ErrorMessages {

  private ErrorMessages() {}

  /**
   * The first telling message down the cause chain: what the API server answered, or the message
   * of the first exception that is not just a wrapper.
   */
  static String of(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException client && client.getCode() > 0) {
        String said = client.getStatus() != null && client.getStatus().getMessage() != null
            ? client.getStatus().getMessage()
            : client.getMessage();
        return "HTTP " + client.getCode() + ": " + said;
      }
      if (!(cause instanceof OperatorException) && cause.getMessage() != null) {
        return cause.getMessage();
      }
    }
    return error.getClass().getSimpleName();
  }
}
