package io.northflankjob.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Northflank job: its spec holds the writable fields of Northflank's job object, its status the
 * read-only ones plus what the operator observed. The namespace plays the part of the project.
 */
@Group(NorthflankJob.GROUP)
@Version(NorthflankJob.VERSION)
@Kind("NorthflankJob")
@Singular("northflankjob")
@Plural("northflankjobs")
@ShortNames("nfjob")
@Categories("northflank")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.jobType", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.settings.cron.schedule", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Suspended", jsonPath = ".spec.suspended", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Last Run", jsonPath = ".status.lastRun.status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class NorthflankJob extends CustomResource<NorthflankJobSpec, NorthflankJobStatus> implements Namespaced {
  public static final String GROUP = "northflank.com";
  public static final String VERSION = "v1alpha1";
}
