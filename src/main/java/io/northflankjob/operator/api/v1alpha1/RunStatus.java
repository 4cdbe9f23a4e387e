package io.northflankjob.operator.api.v1alpha1;

/** The state of one run, as Northflank reports it. */
public enum RunStatus {
  RUNNING, SUCCESS, FAILED
}
