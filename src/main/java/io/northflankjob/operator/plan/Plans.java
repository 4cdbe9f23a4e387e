package io.northflankjob.operator.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Northflank's CPU plans, by ID. GPU plans ({@code nf-gpu-*}) need GPU nodes and are not offered. */
public final class Plans {

  private static final Map<String, Plan> BY_NAME = index(
      new Plan("nf-compute-10", 100, 256),
      new Plan("nf-compute-20", 200, 512),
      new Plan("nf-compute-50", 500, 1024),
      new Plan("nf-compute-100-1", 1000, 1024),
      new Plan("nf-compute-100-2", 1000, 2048),
      new Plan("nf-compute-100-4", 1000, 4096),
      new Plan("nf-compute-200", 2000, 4096),
      new Plan("nf-compute-200-4", 2000, 4096),
      new Plan("nf-compute-200-8", 2000, 8192),
      new Plan("nf-compute-200-16", 2000, 16384),
      new Plan("nf-compute-400", 4000, 8192),
      new Plan("nf-compute-400-16", 4000, 16384),
      new Plan("nf-compute-800-8", 8000, 8192),
      new Plan("nf-compute-800-16", 8000, 16384),
      new Plan("nf-compute-800-24", 8000, 24576),
      new Plan("nf-compute-800-32", 8000, 32768),
      new Plan("nf-compute-800-40", 8000, 40960),
      new Plan("nf-compute-1200-24", 12000, 24576),
      new Plan("nf-compute-1600-32", 16000, 32768),
      new Plan("nf-compute-2000-40", 20000, 40960));

  private Plans() {}

  /** The plan with this ID, if it is one this operator can run. */
  public static Optional<Plan> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every plan ID, in the order Northflank lists them. */
  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  private static Map<String, Plan> index(Plan... plans) {
    Map<String, Plan> byName = new LinkedHashMap<>();
    for (Plan plan : plans) {
      byName.put(plan.name(), plan);
    }
    return Collections.unmodifiableMap(byName);
  }
}
