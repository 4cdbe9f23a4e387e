package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.ops.RunMetrics;
import io.northflankjob.operator.status.IsoTime;
import io.northflankjob.operator.status.Reasons;
import io.northflankjob.operator.status.RunStatuses;
import io.northflankjob.operator.validation.RunValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a NorthflankJobRun: once its job exists and the run is valid, creates its Job exactly
 * once, and reports the Job's progress in the run's status. Runs of cron jobs are one-off runs;
 * the concurrency policy does not apply to runs started by hand.
 */
@ControllerConfiguration(
    name = NorthflankJobRunReconciler.NAME,
    fieldManager = OperatorSettings.FIELD_MANAGER)
public class NorthflankJobRunReconciler implements Reconciler<NorthflankJobRun> {

  public static final String NAME = "northflankjobrun";

  private static final Logger LOG = LoggerFactory.getLogger(NorthflankJobRunReconciler.class);
  private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
  private static final Duration RETRY_MOST = Duration.ofMinutes(1);

  private final OperatorSettings settings;
  private final Clock clock;
  private final EventRecorder events;
  private final RunJobDependent runJob;
  private final RunCounter runCounter;

  /** @param runMetrics counts the runs started by hand (see {@link RunCounter}) */
  public NorthflankJobRunReconciler(OperatorSettings settings, Clock clock, RunMetrics runMetrics) {
    this.settings = settings;
    this.clock = clock;
    this.events = new EventRecorder(clock);
    this.runJob = new RunJobDependent(settings, clock);
    this.runCounter = new RunCounter(runMetrics);
  }

  // Only the run's Job is watched. A run reads its job from the API server while it has not
  // started, and only then: jobs outnumber runs many times, and a cache of them all would cost
  // memory and a watch.
  @Override
  public List<EventSource<?, NorthflankJobRun>> prepareEventSources(
      EventSourceContext<NorthflankJobRun> context) {
    return EventSourceUtils.dependentEventSources(context, runJob);
  }

  @Override
  public UpdateControl<NorthflankJobRun> reconcile(
      NorthflankJobRun run, Context<NorthflankJobRun> context) {
    Optional<NorthflankJob> job = started(run) ? Optional.empty() : jobOf(run, context);
    List<String> problems = List.of();
    List<EventNote> notes = new ArrayList<>();
    NorthflankJobRun current = run;
    if (job.isPresent()) {
      current = ownedBy(run, job.get(), context);
      if (!started(current)) {
        problems = NorthflankJobReconciler.describe(RunValidator.validate(current, job.get()));
      }
      if (!started(current) && problems.isEmpty()) {
        try {
          context.managedWorkflowAndDependentResourceContext().put(NorthflankJob.class, job.get());
          ReconcileResult<Job> result = runJob.reconcile(current, context);
          if (result.getSingleOperation() == ReconcileResult.Operation.CREATED) {
            notes.add(EventNote.normal(Reasons.CREATED,
                "Created Job " + current.getMetadata().getName()));
          }
        } catch (IllegalArgumentException unrunnable) {
          // The job with the run's overrides cannot run: a problem of the spec, not an error.
          problems = List.of(unrunnable.getMessage());
        }
      }
    }
    NorthflankJobRunStatus status = RunStatuses.compute(current, job.isPresent(), problems,
        context.getSecondaryResource(Job.class).orElse(null), clock.instant());
    NorthflankJobRunStatus before = current.getStatus();
    notes.addAll(StatusEvents.forRun(before, status));
    StatusPatch.writeIfChanged(current, status, context);
    runCounter.handRun(current.getMetadata().getNamespace(), before, status);
    events.record(context.getClient(), current, notes);
    UpdateControl<NorthflankJobRun> control = UpdateControl.noUpdate();
    if (status.runName == null) {
      // Nothing watches the job for the run: it is read again on a schedule, until it can start.
      control.rescheduleAfter(tryStartAgainAfter(current, clock.instant()));
    }
    return control;
  }

  @Override
  public ErrorStatusUpdateControl<NorthflankJobRun> updateErrorStatus(
      NorthflankJobRun run, Context<NorthflankJobRun> context, Exception error) {
    NorthflankJobRunStatus status = RunStatuses.failed(run, ErrorMessages.of(error), clock.instant());
    try {
      StatusPatch.writeIfChanged(run, status, context);
      events.record(context.getClient(), run, StatusEvents.forRun(run.getStatus(), status));
    } catch (RuntimeException e) {
      LOG.warn("Could not write the error status of NorthflankJobRun {}/{}: {}",
          run.getMetadata().getNamespace(), run.getMetadata().getName(), e.getMessage());
    }
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  /** The run's job, read from the API server. */
  private static Optional<NorthflankJob> jobOf(
      NorthflankJobRun run, Context<NorthflankJobRun> context) {
    return Optional.ofNullable(context.getClient().resources(NorthflankJob.class)
        .inNamespace(run.getMetadata().getNamespace())
        .withName(run.getSpec().jobName)
        .get());
  }

  /**
   * When to try again to start a run that cannot start yet, because its job does not exist or
   * cannot run it as it is (it has no image, say): soon while the run is new (a run applied just
   * before its job, as a folder of manifests often is), then less and less often, at most a
   * minute apart, so that runs that never start cost little.
   */
  static Duration tryStartAgainAfter(NorthflankJobRun run, Instant now) {
    String created = run.getMetadata().getCreationTimestamp();
    Duration waited = created == null ? Duration.ZERO : Duration.between(IsoTime.parse(created), now);
    Duration tenth = waited.dividedBy(10);
    return tenth.compareTo(RETRY_FIRST) < 0 ? RETRY_FIRST
        : tenth.compareTo(RETRY_MOST) > 0 ? RETRY_MOST
        : tenth;
  }

  /**
   * A run whose Job was ever created has started: its Job is never created again, even when it
   * is gone (deleted by hand, or cleaned up after it finished).
   */
  private static boolean started(NorthflankJobRun run) {
    return run.getStatus() != null && run.getStatus().runName != null;
  }

  /**
   * The run, owned by its job so deleting the job deletes its runs (and their Jobs). The owner
   * reference is added with a patch of that one field when it is missing.
   */
  private static NorthflankJobRun ownedBy(
      NorthflankJobRun run, NorthflankJob job, Context<NorthflankJobRun> context) {
    if (run.getOwnerReferenceFor(job).isPresent()) {
      return run;
    }
    OwnerReference owner = new OwnerReferenceBuilder()
        .withApiVersion(job.getApiVersion())
        .withKind(job.getKind())
        .withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
    var cloner = context.getControllerConfiguration().getConfigurationService().getResourceCloner();
    return PrimaryUpdateAndCacheUtils.updateAndCacheResource(run, context, cloner::clone,
        copy -> context.getClient().resource(copy).edit(r -> {
          r.addOwnerReference(owner);
          return r;
        }));
  }
}
