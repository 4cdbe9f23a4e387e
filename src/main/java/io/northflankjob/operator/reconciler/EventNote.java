package io.northflankjob.operator.reconciler;

/** A Kubernetes event to record about an object: Normal or Warning, a reason and a message. */
record EventNote(boolean warning, String reason, String message) {

  static EventNote normal(String reason, String message) {
    return new EventNote(false, reason, message);
  }

  static EventNote warning(String reason, String message) {
    return new EventNote(true, reason, message);
  }
}
