package io.northflankjob.operator.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The etcd, kube-apiserver and kubectl binaries the integration tests run, in the layout
 * kube-api-test reads: {@code <dir>/k8s/<version>-<os>-<arch>/{etcd,kube-apiserver,kubectl}}.
 *
 * <p>{@code <dir>} is the {@code KUBE_API_TEST_DIR} system property or environment variable,
 * else {@code bin/} of the repository; a directory holding {@code kube-api-test/k8s} (the
 * {@code bin/} that {@code hack/build-tools.sh} fills) is accepted as well. The version is
 * {@code KUBE_API_TEST_API_SERVER_VERSION} when set, else the newest one present. Nothing is
 * ever downloaded: when the binaries are missing, {@link #locate()} fails at once and says how
 * to build them.
 *
 * @param testDir the directory holding {@code k8s/}
 * @param version the Kubernetes version, e.g. {@code 1.34.4}
 * @param versionDir the directory holding the three binaries
 */
record KubeBinaries(Path testDir, String version, Path versionDir) {

  static final String DIR_PROPERTY = "KUBE_API_TEST_DIR";
  static final String VERSION_PROPERTY = "KUBE_API_TEST_API_SERVER_VERSION";
  private static final List<String> NAMES = List.of("etcd", "kube-apiserver", "kubectl");
  private static final String HOW_TO_BUILD =
      "Build them with `make tools` (hack/build-tools.sh; Go modules only, no other download), "
          + "or point " + DIR_PROPERTY + " (system property or environment variable) at a directory "
          + "holding k8s/<version>-" + platform() + "/{etcd,kube-apiserver,kubectl}.";

  Path kubectl() {
    return versionDir.resolve("kubectl");
  }

  Path apiServer() {
    return versionDir.resolve("kube-apiserver");
  }

  Path etcd() {
    return versionDir.resolve("etcd");
  }

  static KubeBinaries locate() {
    Path configured = Path.of(setting(DIR_PROPERTY).orElse("bin")).toAbsolutePath().normalize();
    Path testDir = Stream.of(configured, configured.resolve("kube-api-test"))
        .filter(dir -> Files.isDirectory(dir.resolve("k8s")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "No Kubernetes binaries for the integration tests: " + configured
                + " holds neither k8s/ nor kube-api-test/k8s/. " + HOW_TO_BUILD));
    Path k8s = testDir.resolve("k8s");
    String suffix = "-" + platform();
    String version = setting(VERSION_PROPERTY).orElseGet(() -> newestVersion(k8s, suffix));
    Path versionDir = k8s.resolve(version + suffix);
    List<String> missing = NAMES.stream()
        .filter(name -> !Files.isExecutable(versionDir.resolve(name)))
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Missing or not executable in " + versionDir + ": "
          + String.join(", ", missing) + ". " + HOW_TO_BUILD);
    }
    return new KubeBinaries(testDir, version, versionDir);
  }

  private static String newestVersion(Path k8s, String suffix) {
    try (Stream<Path> dirs = Files.list(k8s)) {
      return dirs.map(dir -> dir.getFileName().toString())
          .filter(name -> name.endsWith(suffix))
          .map(name -> name.substring(0, name.length() - suffix.length()))
          .max(KubeBinaries::compareVersions)
          .orElseThrow(() -> new IllegalStateException(
              "No <version>" + suffix + " directory in " + k8s + ". " + HOW_TO_BUILD));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list " + k8s, e);
    }
  }

  /** Compares dotted versions number by number, so that 1.34.10 is newer than 1.34.9. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int byNumber = Long.compare(number(x, i), number(y, i));
      if (byNumber != 0) {
        return byNumber;
      }
    }
    return a.compareTo(b);
  }

  private static long number(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    String digits = parts[i].replaceAll("\\D.*", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }

  private static Optional<String> setting(String name) {
    return Stream.of(System.getProperty(name), System.getenv(name))
        .filter(value -> value != null && !value.isBlank())
        .findFirst();
  }

  /** The platform suffix kube-api-test uses for binary directories, e.g. {@code linux-amd64}. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String goOs = os.contains("mac") || os.contains("darwin") ? "darwin"
        : os.contains("win") ? "windows" : "linux";
    String goArch = switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
    return goOs + "-" + goArch;
  }
}
