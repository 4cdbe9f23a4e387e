package io.northflankjob.operator.reconciler;

import io.northflankjob.operator.desired.JobLabels;

/** What the informers select and index by: only objects this operator made. */
final class Selectors {

  /** Every CronJob and Job the operator made, and every Job its CronJobs made. */
  static final String MANAGED = JobLabels.MANAGED_BY + "=" + JobLabels.MANAGED_BY_VALUE;
  /** The Jobs of NorthflankJobRuns. */
  static final String RUN_JOBS = MANAGED + "," + JobLabels.RUN;

  private Selectors() {}

  /** An index key: a label value or name, within its namespace. */
  static String key(String namespace, String value) {
    return namespace + "/" + value;
  }
}
