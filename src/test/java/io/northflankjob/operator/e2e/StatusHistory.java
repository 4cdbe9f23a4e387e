package io.northflankjob.operator.e2e;

import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Every status.status a NorthflankJobRun passed through, in order, as a watch started before the
 * run was created saw them. Polling could miss a short RUNNING; the watch sees every write.
 */
final class StatusHistory implements AutoCloseable {

  private final List<RunStatus> seen = new ArrayList<>();
  private final Watch watch;

  StatusHistory(Namespace namespace, String runName) {
    watch = namespace.client().resources(NorthflankJobRun.class).inNamespace(namespace.name())
        .withName(runName).watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, NorthflankJobRun run) {
            RunStatus status = run.getStatus() == null ? null : run.getStatus().status;
            synchronized (seen) {
              if (status != null && (seen.isEmpty() || seen.get(seen.size() - 1) != status)) {
                seen.add(status);
              }
            }
          }

          @Override
          public void onClose(WatcherException cause) {}
        });
  }

  /** The statuses seen so far, each change once. */
  List<RunStatus> statuses() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() {
    watch.close();
  }
}
