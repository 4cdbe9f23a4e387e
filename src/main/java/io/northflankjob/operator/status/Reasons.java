package io.northflankjob.operator.status;

/** The reasons the operator gives in conditions and events, in one place so both agree. */
public final class Reasons {

  /** The spec has problems the CRD schema cannot catch; nothing was changed. */
  public static final String INVALID_SPEC = "InvalidSpec";
  /** Talking to the API server failed; the operator retries with backoff. */
  public static final String RECONCILE_ERROR = "ReconcileError";

  /** A cron job whose CronJob is in place and scheduling. */
  public static final String SCHEDULED = "Scheduled";
  /** A cron job whose CronJob is in place with its schedule suspended. */
  public static final String SUSPENDED = "Suspended";
  /** A cron job whose CronJob has not been observed yet. */
  public static final String CRON_JOB_MISSING = "CronJobMissing";
  /** A manual job: nothing to run until a NorthflankJobRun names it. */
  public static final String MANUAL = "Manual";

  /** A run whose NorthflankJob does not exist (yet). */
  public static final String JOB_NOT_FOUND = "JobNotFound";
  /** A run about to get its Job. */
  public static final String STARTING = "Starting";
  /** A run whose Job was created. */
  public static final String STARTED = "Started";
  /** A run whose Job disappeared before it concluded; a run is never started twice. */
  public static final String JOB_DELETED = "JobDeleted";

  /** Events about the objects the operator made. */
  public static final String CREATED = "Created";
  public static final String UPDATED = "Updated";
  public static final String DELETED = "Deleted";
  /** Events about runs that concluded. */
  public static final String RUN_SUCCEEDED = "RunSucceeded";
  public static final String RUN_FAILED = "RunFailed";

  private Reasons() {}
}
