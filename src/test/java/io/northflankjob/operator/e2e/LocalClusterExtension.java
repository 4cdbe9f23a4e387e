package io.northflankjob.operator.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives end-to-end tests one {@link LocalCluster} for the whole test run: started by the first
 * test class that needs it, stopped when the run ends (also after failures), and injected as a
 * parameter. When a test or a lifecycle method fails, the cluster's objects, events and the tail
 * of every log are printed before the failure is reported.
 */
public final class LocalClusterExtension
    implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    report(context, failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    report(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    report(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    report(context, failure);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    report(context, failure);
  }

  /**
   * The cluster of this test run. The root context's store starts it once, even when classes run
   * in parallel, remembers a failed start for every later class, and closes it when the run ends.
   */
  private static LocalCluster cluster(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(LocalCluster.class, type -> LocalCluster.start(), LocalCluster.class);
  }

  private static void report(ExtensionContext context, Throwable failure) throws Throwable {
    String diagnostics;
    try {
      LocalCluster cluster =
          context.getRoot().getStore(NAMESPACE).get(LocalCluster.class, LocalCluster.class);
      diagnostics = cluster == null ? "(no cluster)" : cluster.diagnostics();
    } catch (RuntimeException | AssertionError e) {
      // A cluster that failed to start has already said why.
      diagnostics = "(no diagnostics: " + e + ")";
    }
    System.err.println("==== " + context.getDisplayName() + " failed: " + failure + "\n" + diagnostics);
    throw failure;
  }
}
