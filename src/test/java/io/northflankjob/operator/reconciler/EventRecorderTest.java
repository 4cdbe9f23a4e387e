package io.northflankjob.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

  @Test
  void anEventPointsAtItsObjectAsKubectlDescribeExpects() {
    NorthflankJob job = new NorthflankJob();
    job.setMetadata(new ObjectMetaBuilder()
        .withName("nightly").withNamespace("team-a").withUid("uid-1").withResourceVersion("42")
        .build());

    Event event = EventRecorder.event(job, EventNote.warning("InvalidSpec", "spec.x: bad"),
        Instant.parse("2024-05-01T10:00:00.123Z"), 0x17L);

    assertThat(event.getMetadata().getName()).isEqualTo("nightly.17");
    assertThat(event.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("northflank.com/v1alpha1");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("NorthflankJob");
    assertThat(event.getInvolvedObject().getName()).isEqualTo("nightly");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo("uid-1");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getReason()).isEqualTo("InvalidSpec");
    assertThat(event.getMessage()).isEqualTo("spec.x: bad");
    assertThat(event.getFirstTimestamp()).isEqualTo("2024-05-01T10:00:00.123Z");
    assertThat(event.getLastTimestamp()).isEqualTo("2024-05-01T10:00:00.123Z");
    assertThat(event.getCount()).isEqualTo(1);
    assertThat(event.getSource().getComponent()).isEqualTo("northflank-job-operator");
  }
}
