package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.desired.CronJobManifest;
import java.time.Clock;
import java.util.Set;

/**
 * The CronJob of a cron job. JOSDK applies it with server-side apply under the controller's field
 * manager, forcing conflicts, and only when the object in the informer cache no longer matches the
 * desired one for the fields this manager owns; deleting the dependent removes it (cron to
 * manual). Used standalone: the reconciler decides when to apply and when to delete.
 */
final class CronJobDependent extends CRUDKubernetesDependentResource<CronJob, NorthflankJob> {

  private final OperatorSettings settings;

  CronJobDependent(OperatorSettings settings, Clock clock) {
    super(CronJob.class);
    this.settings = settings;
    var informer = InformerConfiguration.builder(CronJob.class)
        .withLabelSelector(Selectors.MANAGED)
        .withOnAddFilter(new CreatedSinceStart<>(clock));
    PrunedItemStore.<CronJob>withOwnManagedFields(settings).ifPresent(informer::withItemStore);
    configureWith(new KubernetesDependentResourceConfigBuilder<CronJob>()
        .withKubernetesDependentInformerConfig(informer.build())
        .build());
  }

  @Override
  protected CronJob desired(NorthflankJob job, Context<NorthflankJob> context) {
    return CronJobManifest.of(job, settings);
  }

  // Compared in the form the API server stored the CronJob, so that a quantity it rewrote
  // (1024Mi as 1Gi) does not make every event apply the CronJob again.
  @Override
  public Matcher.Result<CronJob> match(
      CronJob actual, CronJob desired, NorthflankJob job, Context<NorthflankJob> context) {
    return super.match(actual, StoredForm.of(desired, actual), job, context);
  }

  // The CronJob takes the job's name: found by it, the informer needs no index from each job to
  // its CronJob (a set per job).
  @Override
  protected InformerEventSourceConfiguration.Builder<CronJob> informerConfigurationBuilder(
      EventSourceContext<NorthflankJob> context) {
    return super.informerConfigurationBuilder(context)
        .withPrimaryToSecondaryMapper(job -> Set.of(ResourceID.fromResource(job)));
  }

  // The CronJob takes the job's name; saying so spares computing the desired object (which a
  // manual job has none of) just to find the observed one.
  @Override
  protected ResourceID targetSecondaryResourceID(NorthflankJob job, Context<NorthflankJob> context) {
    return ResourceID.fromResource(job);
  }
}
