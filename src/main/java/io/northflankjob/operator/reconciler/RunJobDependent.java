package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.desired.RunJobManifest;
import java.net.HttpURLConnection;
import java.time.Clock;

/**
 * The Job of a run: created once and never updated (a Job's pod template cannot change, and a run
 * is what it was started as). It is owned by the run, so deleting the run deletes it.
 */
final class RunJobDependent extends KubernetesDependentResource<Job, NorthflankJobRun>
    implements Creator<Job, NorthflankJobRun>, GarbageCollected<NorthflankJobRun> {

  private final OperatorSettings settings;

  RunJobDependent(OperatorSettings settings, Clock clock) {
    super(Job.class);
    this.settings = settings;
    var informer = InformerConfiguration.builder(Job.class)
        .withLabelSelector(Selectors.RUN_JOBS)
        .withOnAddFilter(new CreatedSinceStart<>(clock));
    PrunedItemStore.<Job>withoutManagedFields(settings).ifPresent(informer::withItemStore);
    configureWith(new KubernetesDependentResourceConfigBuilder<Job>()
        .withKubernetesDependentInformerConfig(informer.build())
        .build());
  }

  @Override
  protected Job desired(NorthflankJobRun run, Context<NorthflankJobRun> context) {
    // The reconciler read the job (with its spec) and put it in the context.
    NorthflankJob job = context.managedWorkflowAndDependentResourceContext()
        .get(NorthflankJob.class, NorthflankJob.class)
        .orElseThrow(() -> new IllegalStateException(
            "NorthflankJob " + run.getSpec().jobName + " not found"));
    return RunJobManifest.of(job, run, settings);
  }

  /**
   * Creates the Job unless it exists: the informer may not have seen a Job made a moment ago, so
   * a conflict on create means the run's Job is there. A Job of that name that is not this run's
   * is an error the run's status reports.
   */
  @Override
  public Job create(Job desired, NorthflankJobRun run, Context<NorthflankJobRun> context) {
    try {
      return super.create(desired, run, context);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      Job existing = context.getClient().batch().v1().jobs()
          .inNamespace(desired.getMetadata().getNamespace())
          .withName(desired.getMetadata().getName())
          .get();
      if (existing == null || existing.getOwnerReferenceFor(run).isEmpty()) {
        throw new IllegalStateException("Job " + desired.getMetadata().getName()
            + " exists and does not belong to this run", e);
      }
      return existing;
    }
  }

  // The Job takes the run's name.
  @Override
  protected ResourceID targetSecondaryResourceID(
      NorthflankJobRun run, Context<NorthflankJobRun> context) {
    return ResourceID.fromResource(run);
  }
}
