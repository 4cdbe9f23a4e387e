package io.northflankjob.operator.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of one size. The first eleven fields are the ones the issue asks for; the others
 * say how they were reached. A figure that could not be measured (a wait timed out) is null, and
 * {@code errors} says why.
 */
@JsonPropertyOrder({"n", "operator_s", "floor_s", "ratio", "writes_per_job", "heap_bytes_per_job",
    "noop_writes", "restart_writes", "resync_s", "churn_p50_ms", "churn_p99_ms"})
final class RunResult {
  public final int n;
  public Double operator_s;
  public Double floor_s;
  public Double ratio;
  public Double writes_per_job;
  public Long heap_bytes_per_job;
  public Integer noop_writes;
  public Integer restart_writes;
  public Double resync_s;
  public Double churn_p50_ms;
  public Double churn_p99_ms;

  public int cores = Runtime.getRuntime().availableProcessors();
  public int operator_converged;
  public int floor_converged;
  public Double floor_writes_per_job;
  /** CPU time per job while the jobs converged: the operator's JVM, kube-apiserver, etcd. */
  public Double operator_cpu_ms_per_job;
  public Double apiserver_cpu_ms_per_job;
  public Double etcd_cpu_ms_per_job;
  public Double floor_apiserver_cpu_ms_per_job;
  public Double floor_etcd_cpu_ms_per_job;
  public Map<String, Integer> operator_writes;
  public Map<String, Integer> floor_writes;
  public Map<String, Integer> noop_writes_by_request;
  public Map<String, Integer> restart_writes_by_request;
  /** Live heap of the operator with the N jobs, and with none (just started), after full GCs. */
  public Long heap_live_bytes;
  public Long heap_baseline_bytes;
  public Double restart_ready_s;
  /** Reconciles of NorthflankJobs the restarted operator made before it was idle. */
  public Long restart_reconciles;
  public int churn_changes;
  public int churn_seen;
  public Double churn_max_ms;
  public final List<String> errors = new ArrayList<>();

  RunResult(int n) {
    this.n = n;
  }
}
