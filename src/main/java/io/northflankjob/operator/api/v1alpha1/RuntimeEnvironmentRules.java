package io.northflankjob.operator.api.v1alpha1;

/** The rules a runtimeEnvironment states in the CRD, shared by jobs and runs. */
final class RuntimeEnvironmentRules {

  /** Most variables a job or run may set. */
  static final long MAX_VARIABLES = 200;

  /** Names Kubernetes accepts for a container's environment variables. */
  static final String NAMES_RULE =
      "self.all(k, k.size() <= 253 && k.matches('^[-._a-zA-Z][-._a-zA-Z0-9]*$'))";

  static final String NAMES_MESSAGE =
      "runtimeEnvironment names must be letters, digits, '_', '-' or '.', not start with a digit,"
          + " and be at most 253 characters";

  private RuntimeEnvironmentRules() {}
}
