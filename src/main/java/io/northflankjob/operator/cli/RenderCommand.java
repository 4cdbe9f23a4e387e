package io.northflankjob.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.config.OperatorSettings;
import io.northflankjob.operator.desired.CronJobManifest;
import io.northflankjob.operator.desired.RunJobManifest;
import io.northflankjob.operator.validation.JobValidator;
import io.northflankjob.operator.validation.Manifests;
import io.northflankjob.operator.validation.Problem;
import io.northflankjob.operator.validation.RunValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints, offline, the objects the operator would create for the NorthflankJobs in YAML input. */
@Command(
    name = "render",
    sortOptions = false,
    description = {
        "Prints the Kubernetes objects the operator would create for each NorthflankJob in the"
            + " input, as YAML documents separated by ---. Needs no cluster.",
        "A cron job gives its CronJob. A manual job gives the Job of each NorthflankJobRun of it"
            + " in the input or, when there is none, the Job of a run named <job>-run (a comment"
            + " in the output says so). Objects that exist only in a cluster, like the owner's"
            + " uid, are left empty.",
        "Every document is checked as the API server and the operator would check it; each"
            + " problem is printed to stderr as <file>:<doc#> <kind>/<name>: <field>: <message>,"
            + " and then nothing is printed to stdout. Other kinds are skipped with a warning."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the objects were printed",
        "1:an input could not be read",
        "2:invalid input or usage: see stderr"})
public final class RenderCommand implements Callable<Integer> {

  static final int INVALID = 2;
  static final int UNREADABLE = 1;
  static final String STDIN = "-";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Option(names = {"-f", "--filename"}, paramLabel = "FILE|-", required = true,
      description = "YAML or JSON file with one or more documents; - reads standard input. Repeatable.")
  private List<String> files;

  @Mixin
  private SettingsOptions settingsOptions;

  @Spec
  private CommandSpec command;

  /** One document of the input, numbered from 1 within its file. */
  private record Document(String source, int number, JsonNode tree) {

    String kind() {
      return tree.path("kind").asText("");
    }

    String name() {
      return tree.path("metadata").path("name").asText("");
    }

    String namespace() {
      return tree.path("metadata").path("namespace").asText("");
    }

    /** {@code <file>:<doc#> <kind>/<name>}, how every line about the document starts. */
    String label() {
      return source + ":" + number + " " + (kind().isEmpty() ? "(no kind)" : kind()) + "/"
          + (name().isEmpty() ? "(no name)" : name());
    }
  }

  /** A valid job of the input and the valid runs of it. */
  private record Renderable(Document document, NorthflankJob job, List<NorthflankJobRun> runs) {}

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    OperatorSettings settings = settingsOptions.toSettings();

    List<Document> documents = new ArrayList<>();
    boolean invalid = false;
    for (String file : files) {
      try {
        invalid |= !read(file, documents, err);
      } catch (IOException e) {
        err.println(source(file) + ": cannot read: " + describe(e));
        return UNREADABLE;
      }
    }

    Map<String, Renderable> jobs = new LinkedHashMap<>();
    List<Document> runs = new ArrayList<>();
    List<String> invalidJobs = new ArrayList<>();
    for (Document document : documents) {
      switch (document.kind()) {
        case "NorthflankJob" -> {
          List<Problem> problems = JobValidator.validate(document.tree());
          report(document, problems, err);
          if (problems.isEmpty()) {
            NorthflankJob job = Manifests.read((ObjectNode) document.tree(), NorthflankJob.class).orElseThrow();
            jobs.put(key(document.namespace(), document.name()), new Renderable(document, job, new ArrayList<>()));
          } else {
            invalid = true;
            invalidJobs.add(key(document.namespace(), document.name()));
          }
        }
        case "NorthflankJobRun" -> runs.add(document);
        default -> err.println(document.label() + ": skipped: render reads NorthflankJob and NorthflankJobRun");
      }
    }

    for (Document document : runs) {
      String jobKey = key(document.namespace(), document.tree().path("spec").path("jobName").asText(""));
      Renderable owner = jobs.get(jobKey);
      List<Problem> problems = RunValidator.validate(document.tree(), owner == null ? null : owner.job());
      report(document, problems, err);
      if (!problems.isEmpty()) {
        invalid = true;
      } else if (owner != null) {
        owner.runs().add(Manifests.read((ObjectNode) document.tree(), NorthflankJobRun.class).orElseThrow());
      } else if (!invalidJobs.contains(jobKey)) {
        err.println(document.label() + ": skipped: its job "
            + document.tree().path("spec").path("jobName").asText() + " is not in the input");
      }
    }

    if (invalid) {
      return INVALID;
    }
    StringBuilder rendered = new StringBuilder();
    for (Renderable renderable : jobs.values()) {
      try {
        render(renderable, settings, rendered);
      } catch (IllegalArgumentException e) {
        err.println(renderable.document().label() + ": " + e.getMessage());
        invalid = true;
      }
    }
    if (invalid) {
      return INVALID;
    }
    out.print(rendered);
    out.flush();
    return 0;
  }

  private static void render(Renderable renderable, OperatorSettings settings, StringBuilder out) {
    NorthflankJob job = renderable.job();
    String from = "from " + renderable.document().label();
    if (job.getSpec().jobType == JobType.CRON) {
      append(out, "CronJob of cron job " + job.getMetadata().getName() + ", " + from,
          CronJobManifest.of(job, settings));
    }
    for (NorthflankJobRun run : renderable.runs()) {
      append(out, "Job of run " + run.getMetadata().getName() + " of job " + job.getMetadata().getName(),
          RunJobManifest.of(job, run, settings));
    }
    if (job.getSpec().jobType == JobType.MANUAL && renderable.runs().isEmpty()) {
      NorthflankJobRun run = syntheticRun(job);
      append(out, "Job that a NorthflankJobRun named " + run.getMetadata().getName() + " of manual job "
              + job.getMetadata().getName() + " would create (no run of it is in the input), " + from,
          RunJobManifest.of(job, run, settings));
    }
  }

  /**
   * A run with no overrides, named {@code <job>-run}, standing for any run of a manual job. A job
   * name may be longer than a run's Job may be, so the name is cut to fit.
   */
  static NorthflankJobRun syntheticRun(NorthflankJob job) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.setMetadata(new ObjectMetaBuilder()
        .withName(RunNames.withSuffix(job.getMetadata().getName(), "-run"))
        .withNamespace(job.getMetadata().getNamespace())
        .build());
    run.setSpec(new NorthflankJobRunSpec());
    run.getSpec().jobName = job.getMetadata().getName();
    return run;
  }

  private static void append(StringBuilder out, String comment, HasMetadata object) {
    String yaml = SERIALIZATION.asYaml(object);
    out.append("---\n# ").append(comment).append('\n')
        .append(yaml.startsWith("---\n") ? yaml.substring(4) : yaml);
    if (!yaml.endsWith("\n")) {
      out.append('\n');
    }
  }

  /**
   * Adds the documents of {@code file} to {@code documents}; false, after saying where on stderr,
   * if the file is not valid YAML (the documents before the error are kept).
   */
  private boolean read(String file, List<Document> documents, PrintWriter err) throws IOException {
    String source = source(file);
    boolean valid = true;
    int number = 0;
    try (Reader reader = open(file);
        MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(reader)) {
      while (true) {
        number++;
        if (!values.hasNextValue()) {
          return valid;
        }
        JsonNode tree = values.nextValue();
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
          continue;
        }
        if (!tree.isObject()) {
          err.println(source + ":" + number + ": a document must be a mapping of fields, like"
              + " apiVersion, kind, metadata and spec");
          valid = false;
          continue;
        }
        documents.add(new Document(source, number, tree));
      }
    } catch (JsonProcessingException e) {
      err.println(source + ":" + number + ": not valid YAML: " + yamlError(e));
      return false;
    }
  }

  /** The parser's message on one line: where, and what it expected. */
  private static String yamlError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String context = marked.getContext() == null ? "" : marked.getContext() + ", ";
      return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + context
          + marked.getProblem();
    }
    return e.getOriginalMessage().lines().findFirst().orElse("").strip();
  }

  private Reader open(String file) throws IOException {
    InputStream in = file.equals(STDIN) ? System.in : Files.newInputStream(Path.of(file));
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static void report(Document document, List<Problem> problems, PrintWriter err) {
    for (Problem problem : problems) {
      err.println(document.label() + ": " + problem);
    }
  }

  private static String source(String file) {
    return file.equals(STDIN) ? "<stdin>" : file;
  }

  private static String key(String namespace, String name) {
    return Objects.requireNonNullElse(namespace, "") + "/" + name;
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }
}
