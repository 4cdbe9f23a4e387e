package io.northflankjob.operator.reconciler;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;

/**
 * The Kubernetes client the operator runs with: Fabric8's, configured from the kubeconfig or the
 * pod's service account as usual, except that the strings it reads are interned. The informers
 * cache every job and CronJob, and most of their strings (labels, annotations, images, schedules,
 * the defaults the API server fills in) are the same from one object to the next: interned, each
 * is kept once rather than once per object.
 */
public final class OperatorClient {

  private OperatorClient() {}

  public static KubernetesClient create() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization()).build();
  }

  /** Fabric8's serialization, with interned strings. */
  static KubernetesSerialization serialization() {
    SimpleModule strings = new SimpleModule("interned-strings")
        .addDeserializer(String.class, new InternedStrings());
    return new KubernetesSerialization(new ObjectMapper().registerModule(strings), true);
  }

  /** Strings as Jackson reads them, interned. */
  private static final class InternedStrings extends StdScalarDeserializer<String> {

    InternedStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      return value == null ? null : value.intern();
    }
  }
}
