package io.northflankjob.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.Cloner;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.Objects;

/**
 * Writes a status only when it differs from the one in the informer cache, so a reconcile that
 * changes nothing makes no API call. What was written is cached for the next reconcile, so it does
 * not compare against a stale status and write the same status again.
 */
final class StatusPatch {

  private StatusPatch() {}

  /** Whether {@code status} differs from the primary's status; writes it if so. */
  static <S, P extends CustomResource<?, S>> boolean writeIfChanged(
      P primary, S status, Context<P> context) {
    if (same(primary.getStatus(), status, context)) {
      return false;
    }
    ConfigurationService configuration =
        context.getControllerConfiguration().getConfigurationService();
    Cloner cloner = configuration.getResourceCloner();
    if (configuration.useSSAToPatchPrimaryResource()) {
      // Apply only the status, so the field manager owns nothing else of the object.
      P fresh = cloner.clone(primary);
      fresh.setMetadata(new ObjectMetaBuilder()
          .withName(primary.getMetadata().getName())
          .withNamespace(primary.getMetadata().getNamespace())
          .build());
      fresh.setSpec(null);
      fresh.setStatus(status);
      PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(primary, fresh, context);
    } else {
      PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(primary, context, cached -> {
        P copy = cloner.clone(cached);
        copy.setStatus(status);
        return copy;
      });
    }
    return true;
  }

  private static <S> boolean same(S cached, S computed, Context<?> context) {
    var serialization = context.getClient().getKubernetesSerialization();
    return Objects.equals(
        serialization.convertValue(cached, JsonNode.class),
        serialization.convertValue(computed, JsonNode.class));
  }
}
