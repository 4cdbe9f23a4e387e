package io.northflankjob.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.status.IsoTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events about the operator's objects, as {@code kubectl describe} shows them. An
 * event that cannot be written is logged and dropped: events inform, they never fail a reconcile.
 */
final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final Clock clock;
  // Event names must be unique; two events in the same instant get consecutive suffixes.
  private final AtomicLong lastSuffix = new AtomicLong();

  EventRecorder(Clock clock) {
    this.clock = clock;
  }

  void record(KubernetesClient client, HasMetadata about, List<EventNote> notes) {
    for (EventNote note : notes) {
      Instant now = clock.instant();
      long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
      Event event = event(about, note, now, lastSuffix.updateAndGet(last -> Math.max(last + 1, nanos)));
      try {
        client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
      } catch (KubernetesClientException e) {
        LOG.warn("Could not record event {} about {} {}/{}: {}", note.reason(), about.getKind(),
            about.getMetadata().getNamespace(), about.getMetadata().getName(), e.getMessage());
      }
    }
  }

  static Event event(HasMetadata about, EventNote note, Instant now, long suffix) {
    String time = IsoTime.format(now);
    return new EventBuilder()
        .withNewMetadata()
          // The naming kubectl and client-go use: the object's name and a unique hex suffix.
          .withName(about.getMetadata().getName() + "." + Long.toHexString(suffix))
          .withNamespace(about.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(about.getApiVersion())
          .withKind(about.getKind())
          .withName(about.getMetadata().getName())
          .withNamespace(about.getMetadata().getNamespace())
          .withUid(about.getMetadata().getUid())
          .withResourceVersion(about.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(note.warning() ? "Warning" : "Normal")
        .withReason(note.reason())
        .withMessage(note.message())
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withCount(1)
        .withNewSource().withComponent(OperatorSettings.FIELD_MANAGER).endSource()
        .withReportingComponent(OperatorSettings.FIELD_MANAGER)
        .build();
  }
}
