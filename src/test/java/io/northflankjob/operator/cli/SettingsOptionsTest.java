package io.northflankjob.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northflankjob.operator.config.OperatorSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SettingsOptionsTest {

  @Command(name = "test")
  static final class WithSettings {
    @Mixin
    SettingsOptions settings;
  }

  private static SettingsOptions parse(String... args) {
    WithSettings command = new WithSettings();
    new CommandLine(command).parseArgs(args);
    return command.settings;
  }

  @Test
  void withoutOptionsOrEnvironmentTheDefaultsApply() {
    assertThat(parse().toSettings(Map.of())).isEqualTo(OperatorSettings.defaults());
  }

  @Test
  void environmentFillsWhatOptionsLeaveOut() {
    OperatorSettings settings = parse("--team", "acme", "--load-balancers", "lb1.example.com, lb2.example.com")
        .toSettings(Map.of(
            "NF_TEAM", "ignored",
            "NF_CLUSTER_ID", "nf-europe-west",
            "NF_CLUSTER_NAME", "Europe West",
            "NF_LOAD_BALANCERS", "ignored.example.com",
            "NF_REQUEST_MODIFIER", "0.7",
            "NF_WATCH_NAMESPACES", "team-a, team-b,,"));

    assertThat(settings).isEqualTo(new OperatorSettings("acme", "nf-europe-west", "Europe West",
        List.of("lb1.example.com", "lb2.example.com"), 0.7, Set.of("team-a", "team-b")));
  }

  @Test
  void optionWinsOverEnvironment() {
    assertThat(parse("--request-modifier", "0.25").toSettings(Map.of("NF_REQUEST_MODIFIER", "0.9")).requestModifier())
        .isEqualTo(0.25);
  }

  @Test
  void requestModifierFromEnvironmentMustBeANumber() {
    assertThatThrownBy(() -> parse().toSettings(Map.of("NF_REQUEST_MODIFIER", "seventy")))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("NF_REQUEST_MODIFIER: 'seventy' is not a number");
  }
}
