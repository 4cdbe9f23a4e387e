package io.northflankjob.operator.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;

/** Metadata of an object the operator makes: in its owner's namespace, controlled by it. */
final class ManagedMetadata {

  private ManagedMetadata() {}

  static ObjectMeta of(
      String name, HasMetadata owner, Map<String, String> labels, Map<String, String> annotations) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(annotations)
        .withOwnerReferences(controlledBy(owner))
        .build();
  }

  /**
   * The owner as controller, so deleting it deletes the object. An owner that was never stored
   * (read from a file to render) has no uid and gets no reference: the API server would refuse one
   * without a uid.
   */
  private static List<OwnerReference> controlledBy(HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    if (uid == null || uid.isEmpty()) {
      return List.of();
    }
    return List.of(new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build());
  }
}
