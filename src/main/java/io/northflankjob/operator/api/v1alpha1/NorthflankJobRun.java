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

/** One run of a job, started by hand: Northflank's start-run call as an object. */
@Group(NorthflankJob.GROUP)
@Version(NorthflankJob.VERSION)
@Kind("NorthflankJobRun")
@Singular("northflankjobrun")
@Plural("northflankjobruns")
@ShortNames("nfrun")
@Categories("northflank")
@AdditionalPrinterColumn(name = "Job", jsonPath = ".spec.jobName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Started", jsonPath = ".status.startedAt", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Concluded", jsonPath = ".status.concludedAt", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class NorthflankJobRun extends CustomResource<NorthflankJobRunSpec, NorthflankJobRunStatus> implements Namespaced {
}
