package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.desired.JobLabels;
import io.northflankjob.operator.ops.RunMetrics;
import io.northflankjob.operator.status.JobStatuses;
import io.northflankjob.operator.status.Reasons;
import io.northflankjob.operator.validation.JobValidator;
import io.northflankjob.operator.validation.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a NorthflankJob's Kubernetes side as its spec says: a cron job has its CronJob, a manual
 * job has none. A spec the operator cannot run changes nothing and is reported in the status.
 * The status is computed from the informer caches and written only when it changed.
 */
@ControllerConfiguration(
    name = NorthflankJobReconciler.NAME,
    fieldManager = OperatorSettings.FIELD_MANAGER)
public class NorthflankJobReconciler implements Reconciler<NorthflankJob> {

  public static final String NAME = "northflankjob";

  private static final Logger LOG = LoggerFactory.getLogger(NorthflankJobReconciler.class);
  /** Index of jobs by the {@code northflank.com/job} label value their objects carry. */
  private static final String BY_JOB_LABEL = JobLabels.JOB;

  private final OperatorSettings settings;
  private final Clock clock;
  private final EventRecorder events;
  private final CronJobDependent cronJob;
  private final RunCounter runCounter;
  private volatile InformerEventSource<Job, NorthflankJob> jobs;

  /** @param runMetrics counts the runs the job's CronJob starts (see {@link RunCounter}) */
  public NorthflankJobReconciler(OperatorSettings settings, Clock clock, RunMetrics runMetrics) {
    this.settings = settings;
    this.clock = clock;
    this.events = new EventRecorder(clock);
    this.cronJob = new CronJobDependent(settings, clock);
    this.runCounter = new RunCounter(runMetrics);
  }

  @Override
  public List<EventSource<?, NorthflankJob>> prepareEventSources(
      EventSourceContext<NorthflankJob> context) {
    IndexerResourceCache<NorthflankJob> primaries = context.getPrimaryCache();
    primaries.addIndexer(BY_JOB_LABEL, job -> List.of(Selectors.key(
        job.getMetadata().getNamespace(), JobLabels.jobSelectorValue(job.getMetadata().getName()))));
    // Every Job of a job, scheduled or by hand, carries the job's label; a Job event reconciles
    // the job so its runs show in its status.
    var jobsConfiguration = InformerEventSourceConfiguration.from(Job.class, NorthflankJob.class)
        .withName("jobs")
        .withLabelSelector(Selectors.MANAGED)
        .withOnAddFilter(new CreatedSinceStart<>(clock))
        .withSecondaryToPrimaryMapper(job -> labelKey(job).stream()
            .flatMap(key -> primaries.byIndex(BY_JOB_LABEL, key).stream())
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet()));
    PrunedItemStore.<Job>withoutManagedFields(settings).ifPresent(jobsConfiguration::withItemStore);
    InformerEventSource<Job, NorthflankJob> jobSource =
        new InformerEventSource<>(jobsConfiguration.build(), context);
    jobSource.addIndexers(Map.of(BY_JOB_LABEL, NorthflankJobReconciler::labelKey));
    jobs = jobSource;
    List<EventSource<?, NorthflankJob>> sources =
        new ArrayList<>(EventSourceUtils.dependentEventSources(context, cronJob));
    sources.add(jobSource);
    return sources;
  }

  @Override
  public UpdateControl<NorthflankJob> reconcile(NorthflankJob job, Context<NorthflankJob> context) {
    List<String> problems = describe(JobValidator.validate(job));
    List<EventNote> notes = new ArrayList<>();
    if (problems.isEmpty()) {
      try {
        notes.addAll(reconcileCronJob(job, context));
      } catch (IllegalArgumentException unrunnable) {
        // What validation did not catch, the manifest refuses: the same outcome as a problem.
        problems = List.of(unrunnable.getMessage());
      }
    }
    List<Job> runs = jobsOf(job);
    NorthflankJobStatus before = job.getStatus();
    NorthflankJobStatus status = JobStatuses.compute(job, settings,
        context.getSecondaryResource(CronJob.class).orElse(null), runs, problems,
        clock.instant());
    notes.addAll(StatusEvents.forJob(before, status));
    StatusPatch.writeIfChanged(job, status, context);
    runCounter.scheduledRuns(job.getMetadata().getNamespace(), before, runs);
    events.record(context.getClient(), job, notes);
    return UpdateControl.noUpdate();
  }

  @Override
  public ErrorStatusUpdateControl<NorthflankJob> updateErrorStatus(
      NorthflankJob job, Context<NorthflankJob> context, Exception error) {
    NorthflankJobStatus status =
        JobStatuses.failed(job, settings, ErrorMessages.of(error), clock.instant());
    try {
      StatusPatch.writeIfChanged(job, status, context);
      events.record(context.getClient(), job, StatusEvents.forJob(job.getStatus(), status));
    } catch (RuntimeException e) {
      LOG.warn("Could not write the error status of NorthflankJob {}/{}: {}",
          job.getMetadata().getNamespace(), job.getMetadata().getName(), e.getMessage());
    }
    // JOSDK retries with backoff.
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  /** Applies the CronJob of a cron job, or deletes the one a manual job left behind. */
  private List<EventNote> reconcileCronJob(NorthflankJob job, Context<NorthflankJob> context) {
    String name = job.getMetadata().getName();
    if (job.getSpec().jobType == JobType.CRON) {
      ReconcileResult<CronJob> result = cronJob.reconcile(job, context);
      return switch (result.getSingleOperation()) {
        case CREATED -> List.of(EventNote.normal(Reasons.CREATED, "Created CronJob " + name));
        case UPDATED -> List.of(EventNote.normal(Reasons.UPDATED, "Updated CronJob " + name));
        default -> List.of();
      };
    }
    if (context.getSecondaryResource(CronJob.class).isPresent()) {
      cronJob.delete(job, context);
      return List.of(EventNote.normal(Reasons.DELETED,
          "Deleted CronJob " + name + ": the job is manual now"));
    }
    return List.of();
  }

  private List<Job> jobsOf(NorthflankJob job) {
    return jobs.byIndex(BY_JOB_LABEL, Selectors.key(job.getMetadata().getNamespace(),
        JobLabels.jobSelectorValue(job.getMetadata().getName())));
  }

  private static List<String> labelKey(Job job) {
    String value = job.getMetadata().getLabels() == null
        ? null
        : job.getMetadata().getLabels().get(JobLabels.JOB);
    return value == null
        ? List.of()
        : List.of(Selectors.key(job.getMetadata().getNamespace(), value));
  }

  /** Problems as the Ready condition shows them: {@code field: message}. */
  static List<String> describe(List<Problem> problems) {
    return problems.stream().map(p -> p.field() + ": " + p.message()).toList();
  }
}
