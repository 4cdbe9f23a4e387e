package io.northflankjob.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.config.OperatorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The status subresource and server-side apply on a real API server: what the operator relies on
 * to keep the user's spec and its own status apart.
 */
class StatusSubresourceIT {

  @RegisterExtension
  static final ApiServer API_SERVER = new ApiServer();

  private static final String NAMESPACE = "status";

  @BeforeAll
  static void createNamespace() {
    API_SERVER.createNamespace(NAMESPACE);
  }

  @Test
  void statusSentWithTheObjectIsIgnoredOnCreate() {
    NorthflankJob job = job("created-with-status");
    job.setStatus(status("forged", "True"));

    NorthflankJob created = jobs().resource(job).create();

    assertThat(created.getStatus()).isNull();
    assertThat(jobs().withName("created-with-status").get().getStatus()).isNull();
  }

  @Test
  void specAndStatusAreWrittenOnlyThroughTheirOwnEndpoints() {
    jobs().resource(job("apart")).create();
    NorthflankJob withStatus = jobs().withName("apart").get();
    withStatus.setStatus(status("apart", "True"));
    jobs().resource(withStatus).updateStatus();

    // A spec update that also carries another status changes the spec only.
    NorthflankJob specChange = jobs().withName("apart").get();
    specChange.getSpec().suspended = true;
    specChange.setStatus(status("forged", "False"));
    jobs().resource(specChange).update();

    NorthflankJob afterSpecChange = jobs().withName("apart").get();
    assertThat(afterSpecChange.getSpec().suspended).isTrue();
    assertThat(afterSpecChange.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(afterSpecChange.getStatus().id).isEqualTo("apart");
    assertThat(afterSpecChange.getStatus().conditions).extracting(Condition::getStatus).containsExactly("True");

    // A status update that also carries another spec changes the status only.
    afterSpecChange.getSpec().suspended = false;
    afterSpecChange.getStatus().id = "apart-2";
    jobs().resource(afterSpecChange).updateStatus();

    NorthflankJob afterStatusChange = jobs().withName("apart").get();
    assertThat(afterStatusChange.getStatus().id).isEqualTo("apart-2");
    assertThat(afterStatusChange.getSpec().suspended).isTrue();
    assertThat(afterStatusChange.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void serverSideApplyTracksOwnersAndRefusesConflictsUnlessForced() {
    NorthflankJob applied = job("applied");
    applied.getSpec().description = "owned by the platform team";
    jobs().resource(applied).fieldManager("platform-team").serverSideApply();

    NorthflankJob stored = jobs().withName("applied").get();
    assertThat(stored.getSpec().description).isEqualTo("owned by the platform team");
    assertThat(stored.getSpec().tags).as("defaulted").isEmpty();
    assertThat(stored.getMetadata().getManagedFields())
        .anySatisfy(entry -> {
          assertThat(entry.getManager()).isEqualTo("platform-team");
          assertThat(entry.getOperation()).isEqualTo("Apply");
        });

    // Applying again without a field the manager owned removes it.
    jobs().resource(job("applied")).fieldManager("platform-team").serverSideApply();
    assertThat(jobs().withName("applied").get().getSpec().description).isNull();

    // Another manager cannot take a field over without forcing.
    NorthflankJob otherSchedule = job("applied");
    otherSchedule.getSpec().settings.cron.schedule = "0 * * * *";
    KubernetesClientException conflict = catchThrowableOfType(KubernetesClientException.class,
        () -> jobs().resource(otherSchedule).fieldManager("someone-else").serverSideApply());
    assertThat(conflict).isNotNull();
    assertThat(conflict.getCode()).isEqualTo(409);
    assertThat(conflict.getMessage()).contains("platform-team", ".spec.settings.cron.schedule");
    assertThat(jobs().withName("applied").get().getSpec().settings.cron.schedule).isEqualTo("30 8 * * *");

    jobs().resource(otherSchedule).fieldManager("someone-else").forceConflicts().serverSideApply();
    assertThat(jobs().withName("applied").get().getSpec().settings.cron.schedule).isEqualTo("0 * * * *");
  }

  @Test
  void statusIsServerSideAppliedThroughTheStatusSubresource() {
    jobs().resource(job("applied-status")).create();
    NorthflankJob statusOnly = new NorthflankJob();
    statusOnly.getMetadata().setName("applied-status");
    statusOnly.getMetadata().setNamespace(NAMESPACE);
    statusOnly.setStatus(status("applied-status", "True"));

    jobs().resource(statusOnly).subresource("status").patch(new PatchContext.Builder()
        .withPatchType(PatchType.SERVER_SIDE_APPLY)
        .withFieldManager(OperatorSettings.FIELD_MANAGER)
        .withForce(true)
        .build());

    NorthflankJob stored = jobs().withName("applied-status").get();
    assertThat(stored.getStatus().id).isEqualTo("applied-status");
    assertThat(stored.getSpec().settings.cron.schedule).isEqualTo("30 8 * * *");
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(stored.getMetadata().getManagedFields())
        .filteredOn(entry -> OperatorSettings.FIELD_MANAGER.equals(entry.getManager()))
        .extracting(ManagedFieldsEntry::getSubresource)
        .containsExactly("status");
  }

  private static NorthflankJob job(String name) {
    NorthflankJob job = Manifest.load("it/minimal-cron-job.yaml").as(NorthflankJob.class);
    job.getMetadata().setName(name);
    job.getMetadata().setNamespace(NAMESPACE);
    return job;
  }

  private static NorthflankJobStatus status(String id, String ready) {
    NorthflankJobStatus status = new NorthflankJobStatus();
    status.id = id;
    status.conditions.add(new ConditionBuilder()
        .withType("Ready")
        .withStatus(ready)
        .withReason("Test")
        .withMessage("set by the test")
        .withLastTransitionTime("2025-01-01T00:00:00Z")
        .build());
    return status;
  }

  private static NonNamespaceOperation<NorthflankJob, KubernetesResourceList<NorthflankJob>, Resource<NorthflankJob>> jobs() {
    return API_SERVER.client().resources(NorthflankJob.class).inNamespace(NAMESPACE);
  }
}
