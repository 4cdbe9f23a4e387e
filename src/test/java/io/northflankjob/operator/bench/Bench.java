package io.northflankjob.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The operator at scale against a real kube-apiserver and etcd; see hack/bench.mk. For each size
 * N, on a fresh API server:
 *
 * <ol>
 *   <li>cold convergence: with the operator running, N cron jobs are created; the time until every
 *       one has its CronJob and Ready=True, the operator's writes, its live heap per job;
 *   <li>steady state: every job reconciled again with nothing to change (an annotation the operator
 *       does not manage is put on each CronJob, which wakes each job's reconcile as an informer
 *       resync would), then the operator restarted: the writes (0 expected) and the time until the
 *       restarted operator has reconciled every job;
 *   <li>churn: 20 jobs a second have their spec changed for 60 s; the latency from each change to
 *       the CronJob carrying it.
 * </ol>
 *
 * Then on another fresh API server the floor: the same N jobs created the same way, and for each a
 * plain client creates the CronJob and writes the status, as many at a time as the operator
 * reconciles ({@link Floor}).
 *
 * <p>Options: {@code --sizes 1000,10000}, {@code --bin DIR} (etcd, kube-apiserver), {@code --out
 * DIR}, {@code --operator-jvm "OPTIONS"}, {@code --jfr} (a flight recording of the operator).
 */
public final class Bench {

  /** The operator reconciles this many jobs at a time; the floor writes as many at a time. */
  static final int CONCURRENCY = ConfigurationService.DEFAULT_RECONCILIATION_THREADS_NUMBER;
  /** How many jobs the benchmark creates at a time, in both runs. */
  static final int CREATORS = 50;
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final int CHURN_PER_SECOND = 20;
  private static final Duration CHURN = Duration.ofSeconds(60);

  private final Path bin;
  private final Path out;
  private final List<String> operatorJvm;
  private final boolean jfr;

  private Bench(Path bin, Path out, List<String> operatorJvm, boolean jfr) {
    this.bin = bin;
    this.out = out;
    this.operatorJvm = operatorJvm;
    this.jfr = jfr;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1000, 10000);
    Path bin = Path.of("bin");
    Path out = Path.of("target", "bench");
    // The options the image runs the operator with, and the heap of the chart's default: a 512Mi
    // memory limit, 75% of it for the heap.
    String jvm = "@" + Path.of("jvm.options").toAbsolutePath() + " -Xmx384m";
    boolean jfr = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[++i].split("[,\\s]+"))
            .filter(s -> !s.isBlank()).map(Integer::parseInt).toList();
        case "--bin" -> bin = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--operator-jvm" -> jvm = args[++i];
        case "--jfr" -> jfr = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Files.createDirectories(out);
    Bench bench = new Bench(bin.toAbsolutePath(), out.toAbsolutePath(),
        Arrays.stream(jvm.split("\\s+")).filter(s -> !s.isBlank()).toList(), jfr);
    List<RunResult> results = new ArrayList<>();
    for (int n : sizes) {
      results.add(bench.run(n));
      bench.write(results);
      Table.print(results);
    }
    System.exit(0);
  }

  private RunResult run(int n) throws IOException, InterruptedException {
    RunResult result = new RunResult(n);
    Path dir = out.resolve("n" + n);
    Files.createDirectories(dir);
    log("N=" + n + ": operator, on a fresh API server (files in " + dir + ")");
    try (LocalApiServer api = LocalApiServer.start(bin, dir.resolve("apiserver-operator"), List.of())) {
      operatorRun(api, n, dir, result);
    } catch (RuntimeException e) {
      fail(result, "operator run", e);
    }
    log("N=" + n + ": floor, on a fresh API server");
    try (LocalApiServer api = LocalApiServer.start(bin, dir.resolve("apiserver-floor"), List.of())) {
      floorRun(api, n, result);
    } catch (RuntimeException e) {
      fail(result, "floor run", e);
    }
    if (result.operator_s != null && result.floor_s != null) {
      result.ratio = round(result.operator_s / result.floor_s, 2);
    }
    return result;
  }

  private void operatorRun(LocalApiServer api, int n, Path dir, RunResult result)
      throws IOException, InterruptedException {
    KubernetesClient admin = api.admin();
    AuditLog audit = api.auditLog();
    Workload workload = Workload.fromExample(admin);
    try (Observer observer = new Observer(admin)) {
      try (OperatorProcess operator = startOperator(api, dir, "operator-1")) {
        operator.awaitReady(Duration.ofMinutes(2));
        result.heap_baseline_bytes = operator.liveHeapBytes(dir.resolve("histogram-baseline.txt"));

        log("creating " + n + " jobs");
        long mark = audit.mark();
        Duration operatorCpu = operator.cpu();
        Duration apiServerCpu = api.apiServerCpu();
        Duration etcdCpu = api.etcdCpu();
        long start = System.nanoTime();
        createJobs(admin, workload, n, stored -> {});
        result.operator_converged = awaitConvergence(observer, n);
        result.operator_cpu_ms_per_job = Cpu.millisPerJob(operatorCpu, operator.cpu(), n);
        result.apiserver_cpu_ms_per_job = Cpu.millisPerJob(apiServerCpu, api.apiServerCpu(), n);
        result.etcd_cpu_ms_per_job = Cpu.millisPerJob(etcdCpu, api.etcdCpu(), n);
        if (result.operator_converged == n) {
          result.operator_s = round((observer.lastConvergedNanos() - start) / 1e9, 2);
        } else {
          result.errors.add("operator: " + result.operator_converged + " of " + n + " converged");
        }
        log("operator converged " + result.operator_converged + "/" + n + " in "
            + result.operator_s + " s; CPU per job: operator " + result.operator_cpu_ms_per_job
            + " ms, kube-apiserver " + result.apiserver_cpu_ms_per_job + " ms, etcd "
            + result.etcd_cpu_ms_per_job + " ms");
        Thread.sleep(SETTLE.toMillis());
        AuditLog.Writes writes = audit.writesSince(mark, LocalApiServer.OPERATOR_USER);
        result.writes_per_job = round((double) writes.total() / n, 2);
        result.operator_writes = writes.byRequest();
        Files.writeString(dir.resolve("apiserver-metrics-converged.txt"), api.metrics());
        Files.writeString(dir.resolve("operator-metrics-converged.txt"), operator.metrics());
        result.heap_live_bytes = operator.liveHeapBytes(dir.resolve("histogram-converged.txt"));
        result.heap_bytes_per_job = (result.heap_live_bytes - result.heap_baseline_bytes) / n;
        log("writes " + writes + "; live heap " + result.heap_live_bytes / 1024 + " KiB, "
            + result.heap_bytes_per_job + " B/job");

        log("resync: every job reconciled with nothing to change");
        mark = audit.mark();
        long before = operator.jobReconciles();
        touchCronJobs(admin, n);
        Waits.until("every job to be reconciled again", timeout(n, 60),
            () -> operator.jobReconciles() >= before + n && operator.idle());
        Thread.sleep(SETTLE.toMillis());
        writes = audit.writesSince(mark, LocalApiServer.OPERATOR_USER);
        result.noop_writes = writes.total();
        result.noop_writes_by_request = writes.byRequest();
        log("resync writes: " + writes);
      }

      log("restart");
      long mark = audit.mark();
      try (OperatorProcess operator = startOperator(api, dir, "operator-2")) {
        operator.awaitReady(timeout(n, 30));
        result.restart_ready_s = round((System.nanoTime() - operator.startedNanos()) / 1e9, 2);
        // Every job reconciled, and nothing more to do: events that arrive after the first
        // reconcile of a job (its CronJob's, say) make more.
        Waits.until("the restarted operator to reconcile every job", timeout(n, 60),
            () -> operator.jobReconciles() >= n && operator.idle());
        result.resync_s = round((System.nanoTime() - operator.startedNanos()) / 1e9, 2);
        result.restart_reconciles = operator.jobReconciles();
        Thread.sleep(SETTLE.toMillis());
        AuditLog.Writes writes = audit.writesSince(mark, LocalApiServer.OPERATOR_USER);
        result.restart_writes = writes.total();
        result.restart_writes_by_request = writes.byRequest();
        log("restarted: ready in " + result.restart_ready_s + " s, every job reconciled in "
            + result.resync_s + " s (" + result.restart_reconciles + " reconciles); writes: "
            + writes);

        churn(admin, observer, n, result);
        Files.writeString(dir.resolve("apiserver-metrics-end.txt"), api.metrics());
        Files.writeString(dir.resolve("operator-metrics-end.txt"), operator.metrics());
      }
    }
  }

  private void floorRun(LocalApiServer api, int n, RunResult result)
      throws InterruptedException {
    KubernetesClient admin = api.admin();
    Workload workload = Workload.fromExample(admin);
    try (Observer observer = new Observer(admin);
        KubernetesClient client = api.newOperatorClient();
        Floor floor = new Floor(client, CONCURRENCY)) {
      long mark = api.auditLog().mark();
      Duration apiServerCpu = api.apiServerCpu();
      Duration etcdCpu = api.etcdCpu();
      long start = System.nanoTime();
      createJobs(admin, workload, n, floor::converge);
      result.floor_converged = awaitConvergence(observer, n);
      result.floor_apiserver_cpu_ms_per_job = Cpu.millisPerJob(apiServerCpu, api.apiServerCpu(), n);
      result.floor_etcd_cpu_ms_per_job = Cpu.millisPerJob(etcdCpu, api.etcdCpu(), n);
      if (result.floor_converged == n) {
        result.floor_s = round((observer.lastConvergedNanos() - start) / 1e9, 2);
      } else {
        result.errors.add("floor: " + result.floor_converged + " of " + n + " converged, "
            + floor.failures() + " failed");
      }
      AuditLog.Writes writes = api.auditLog().writesSince(mark, LocalApiServer.OPERATOR_USER);
      result.floor_writes_per_job = round((double) writes.total() / n, 2);
      result.floor_writes = writes.byRequest();
      log("floor converged " + result.floor_converged + "/" + n + " in " + result.floor_s
          + " s; CPU per job: kube-apiserver " + result.floor_apiserver_cpu_ms_per_job
          + " ms, etcd " + result.floor_etcd_cpu_ms_per_job + " ms; writes " + writes);
    }
  }

  private int awaitConvergence(Observer observer, int n) throws InterruptedException {
    Waits.within(timeout(n, 150), () -> observer.converged() >= n);
    return observer.converged();
  }

  /**
   * Changes {@value #CHURN_PER_SECOND} jobs a second (their activeDeadlineSeconds, which the
   * CronJob's job template carries) and notes how long each change takes to reach the CronJob.
   */
  private void churn(KubernetesClient admin, Observer observer, int n, RunResult result)
      throws InterruptedException {
    int total = (int) (CHURN_PER_SECOND * CHURN.toSeconds());
    log("churn: " + total + " changes over " + CHURN.toSeconds() + " s");
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ticker.scheduleAtFixedRate(() -> {
      int k = next.getAndIncrement();
      if (k < total) {
        senders.execute(() -> {
          String name = Workload.name(k % n);
          long value = 1000 + k;
          observer.expectChange(name, value);
          try {
            admin.resources(NorthflankJob.class).inNamespace(Workload.NAMESPACE).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"settings\":{\"activeDeadlineSeconds\":" + value + "}}}");
          } catch (RuntimeException e) {
            failures.incrementAndGet();
          }
        });
      }
    }, 0, 1000 / CHURN_PER_SECOND, TimeUnit.MILLISECONDS);
    Waits.within(CHURN.plusSeconds(10), () -> next.get() >= total);
    ticker.shutdownNow();
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.MINUTES);
    Waits.within(Duration.ofSeconds(60), () -> observer.pendingChanges() == 0);
    List<Double> latencies = observer.changeLatenciesMillis();
    result.churn_changes = total;
    result.churn_seen = latencies.size();
    if (latencies.size() < total) {
      result.errors.add("churn: " + (total - latencies.size()) + " of " + total
          + " changes never reached their CronJob (" + failures.get() + " patches failed)");
    }
    if (!latencies.isEmpty()) {
      result.churn_p50_ms = round(percentile(latencies, 0.50), 1);
      result.churn_p99_ms = round(percentile(latencies, 0.99), 1);
      result.churn_max_ms = round(latencies.get(latencies.size() - 1), 1);
    }
    log("churn: " + result.churn_seen + "/" + total + " seen, p50 " + result.churn_p50_ms
        + " ms, p99 " + result.churn_p99_ms + " ms, max " + result.churn_max_ms + " ms");
  }

  /** Creates the N jobs, {@value #CREATORS} at a time, handing each stored job to {@code then}. */
  private static void createJobs(KubernetesClient admin, Workload workload, int n,
      Consumer<NorthflankJob> then) throws InterruptedException {
    inParallel(n, CREATORS, i -> then.accept(admin.resource(workload.job(i)).create()));
  }

  /** Puts an annotation on every CronJob, which the operator does not manage. */
  private static void touchCronJobs(KubernetesClient admin, int n) throws InterruptedException {
    String patch = "{\"metadata\":{\"annotations\":{\"bench.northflank.com/touched\":\""
        + System.currentTimeMillis() + "\"}}}";
    inParallel(n, CREATORS, i -> admin.batch().v1().cronjobs().inNamespace(Workload.NAMESPACE)
        .withName(Workload.name(i)).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
  }

  private static void inParallel(int n, int threads, IntConsumer task)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger failures = new AtomicInteger();
    for (int i = 0; i < n; i++) {
      int index = i;
      pool.execute(() -> {
        try {
          task.accept(index);
        } catch (RuntimeException e) {
          if (failures.incrementAndGet() <= 5) {
            System.err.println("request " + index + " failed: " + e);
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(timeout(n, 100).toSeconds(), TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new Waits.TimeoutException("requests did not finish in time");
    }
    if (failures.get() > 0) {
      System.err.println(failures.get() + " of " + n + " requests failed");
    }
  }

  private OperatorProcess startOperator(LocalApiServer api, Path dir, String name)
      throws IOException {
    List<String> jvm = new ArrayList<>(operatorJvm);
    if (jfr) {
      jvm.add("-XX:StartFlightRecording=settings=profile,filename="
          + dir.resolve(name + ".jfr"));
    }
    return OperatorProcess.start(api.operatorKubeconfig(), jvm, dir.resolve(name + ".log"));
  }

  private void write(List<RunResult> results) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(out.resolve("results.json").toFile(), Map.of("runs", results));
  }

  /** Two minutes, plus {@code millisPerJob} for each job. */
  private static Duration timeout(int n, int millisPerJob) {
    return Duration.ofMinutes(2).plusMillis((long) n * millisPerJob);
  }

  private static double percentile(List<Double> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  private static void fail(RunResult result, String what, RuntimeException e) {
    result.errors.add(what + ": " + e.getMessage());
    System.err.println(what + " failed: " + e);
    e.printStackTrace();
  }

  static void log(String message) {
    System.out.printf("%tT %s%n", System.currentTimeMillis(), message);
  }
}
