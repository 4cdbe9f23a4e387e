package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.northflankjob.operator.plan.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's resources as Northflank sizes them: limits are the plan, CPU and memory requests
 * are the limits times the request modifier, ephemeral storage is requested as it is limited.
 */
final class ContainerResources {

  static final String CPU = "cpu";
  static final String MEMORY = "memory";
  static final String EPHEMERAL_STORAGE = "ephemeral-storage";

  private ContainerResources() {}

  /**
   * @param ephemeralStorageMiB null to leave ephemeral storage to the node's default
   * @param requestModifier in (0, 1], as {@code OperatorSettings} ensures
   */
  static ResourceRequirements of(Plan plan, Long ephemeralStorageMiB, double requestModifier) {
    Map<String, Quantity> limits = new LinkedHashMap<>();
    Map<String, Quantity> requests = new LinkedHashMap<>();
    limits.put(CPU, millicores(plan.millicores()));
    limits.put(MEMORY, mebibytes(plan.memoryMiB()));
    requests.put(CPU, millicores(scaled(plan.millicores(), requestModifier)));
    requests.put(MEMORY, mebibytes(scaled(plan.memoryMiB(), requestModifier)));
    if (ephemeralStorageMiB != null) {
      limits.put(EPHEMERAL_STORAGE, mebibytes(ephemeralStorageMiB));
      requests.put(EPHEMERAL_STORAGE, mebibytes(ephemeralStorageMiB));
    }
    return new ResourceRequirementsBuilder().withLimits(limits).withRequests(requests).build();
  }

  /**
   * {@code amount × modifier} rounded down to a whole unit, so a request never exceeds its limit,
   * and at least 1. The modifier is taken as its decimal text (0.7, not 0.69999…) so that e.g.
   * 1000m × 0.7 is exactly 700m.
   */
  private static long scaled(long amount, double modifier) {
    long product = BigDecimal.valueOf(amount)
        .multiply(BigDecimal.valueOf(modifier))
        .setScale(0, RoundingMode.FLOOR)
        .longValueExact();
    return Math.max(1, product);
  }

  private static Quantity millicores(long millicores) {
    return new Quantity(Long.toString(millicores), "m");
  }

  private static Quantity mebibytes(long mebibytes) {
    return new Quantity(Long.toString(mebibytes), "Mi");
  }
}
