package io.northflankjob.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Standard Kubernetes conditions, kept the way {@code kubectl wait} and GitOps tools expect. */
public final class Conditions {

  /** Whether the object's Kubernetes side matches its spec. */
  public static final String READY = "Ready";

  private Conditions() {}

  /** The condition of this type, if there is one. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * The conditions with {@code next} in place of the condition of its type (appended when there
   * is none). The previous lastTransitionTime is kept unless the status flips, so the time tells
   * when the condition last changed state, not when the operator last looked.
   */
  public static List<Condition> put(List<Condition> current, Condition next) {
    List<Condition> result = new ArrayList<>();
    boolean replaced = false;
    for (Condition condition : current == null ? List.<Condition>of() : current) {
      if (next.getType().equals(condition.getType())) {
        result.add(keepTransitionTime(condition, next));
        replaced = true;
      } else {
        result.add(condition);
      }
    }
    if (!replaced) {
      result.add(next);
    }
    return result;
  }

  /** A condition as of {@code now}, for the given generation of the spec. */
  public static Condition of(
      String type, boolean status, String reason, String message, Long generation, Instant now) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(IsoTime.format(now))
        .build();
  }

  private static Condition keepTransitionTime(Condition previous, Condition next) {
    if (!Objects.equals(previous.getStatus(), next.getStatus())
        || previous.getLastTransitionTime() == null) {
      return next;
    }
    return new ConditionBuilder(next)
        .withLastTransitionTime(previous.getLastTransitionTime())
        .build();
  }
}
