package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnAddFilter;
import io.northflankjob.operator.status.IsoTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets through the add events of objects created since the operator started. When it starts, its
 * informers list every existing CronJob and Job as added, and every job and run is reconciled at
 * that point anyway: those events, arriving after the owner's first reconcile, would reconcile it
 * once more, doubling the work of a restart. An object created later, by anyone, still wakes its
 * owner. The slack allows for creation times in whole seconds, and for the API server's clock
 * being a little behind the operator's.
 */
final class CreatedSinceStart<R extends HasMetadata> implements OnAddFilter<R> {

  static final Duration SLACK = Duration.ofSeconds(5);

  private final Instant since;

  CreatedSinceStart(Clock clock) {
    this.since = clock.instant().minus(SLACK);
  }

  @Override
  public boolean accept(R resource) {
    String created = resource.getMetadata().getCreationTimestamp();
    return created == null || !IsoTime.parse(created).isBefore(since);
  }
}
