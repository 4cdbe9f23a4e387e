package io.northflankjob.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each expected split is what {@code sh -c 'printf "[%s]" LINE'} prints for LINE. */
class ShellWordsTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        // whitespace
        Arguments.of("", List.of()),
        Arguments.of(" \t\n ", List.of()),
        Arguments.of("echo", List.of("echo")),
        Arguments.of("  node   server.js\tmode=test\n", List.of("node", "server.js", "mode=test")),
        // single quotes: all literal
        Arguments.of("echo 'hello world'", List.of("echo", "hello world")),
        Arguments.of("'a\\b \"c\" $d'", List.of("a\\b \"c\" $d")),
        Arguments.of("'line one\nline two'", List.of("line one\nline two")),
        // double quotes: backslash escapes only $ ` \" \\ and newline
        Arguments.of("\"hello world\"", List.of("hello world")),
        Arguments.of("\"a\\\"b\"", List.of("a\"b")),
        Arguments.of("\"a\\\\b\"", List.of("a\\b")),
        Arguments.of("\"\\$HOME \\`x\\`\"", List.of("$HOME `x`")),
        Arguments.of("\"a\\nb\"", List.of("a\\nb")),
        Arguments.of("\"it's\"", List.of("it's")),
        Arguments.of("\"a\\\nb\"", List.of("ab")),
        // backslash outside quotes
        Arguments.of("a\\ b", List.of("a b")),
        Arguments.of("\\'a\\'", List.of("'a'")),
        Arguments.of("\\\"", List.of("\"")),
        Arguments.of("a\\\\b", List.of("a\\b")),
        Arguments.of("a\\nb", List.of("anb")),
        Arguments.of("one \\\ntwo", List.of("one", "two")),
        Arguments.of("one\\\ntwo", List.of("onetwo")),
        // quoted parts join into one word; empty quotes are an empty word
        Arguments.of("a'b c'd", List.of("ab cd")),
        Arguments.of("--name=\"John Doe\"", List.of("--name=John Doe")),
        Arguments.of("'a'\"b\"c", List.of("abc")),
        Arguments.of("''", List.of("")),
        Arguments.of("a \"\" b", List.of("a", "", "b")),
        Arguments.of("a ''\"\" b", List.of("a", "", "b")),
        // nothing is expanded or interpreted
        Arguments.of("echo $HOME *.txt a;b | c && d # e", List.of("echo", "$HOME", "*.txt", "a;b", "|", "c", "&&", "d", "#", "e")),
        Arguments.of("sh -c 'for i in 1 2; do echo \"$i\"; done'", List.of("sh", "-c", "for i in 1 2; do echo \"$i\"; done")));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void splitsAsAPosixShell(String line, List<String> words) {
    assertThat(ShellWords.split(line)).isEqualTo(words);
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo 'hello", "'", "a 'b''c"})
  void anUnterminatedSingleQuoteIsAnError(String line) {
    assertThatThrownBy(() -> ShellWords.split(line))
        .isInstanceOf(ShellWords.SyntaxException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unterminated single quote");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo \"hello", "\"", "\"a\\\"", "'ok' \"no"})
  void anUnterminatedDoubleQuoteIsAnError(String line) {
    assertThatThrownBy(() -> ShellWords.split(line))
        .isInstanceOf(ShellWords.SyntaxException.class)
        .hasMessageStartingWith("unterminated double quote");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo 'it''s", "echo \"it\"\"s"})
  void theErrorPointsAtTheQuoteLeftOpen(String line) {
    assertThatThrownBy(() -> ShellWords.split(line))
        .hasMessageEndingWith("the quote at character 10 is never closed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo \\", "\\"})
  void aTrailingBackslashIsAnError(String line) {
    assertThatThrownBy(() -> ShellWords.split(line))
        .isInstanceOf(ShellWords.SyntaxException.class)
        .hasMessage("ends with a backslash that escapes nothing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "a b c"})
  void theWordsCannotBeChanged(String line) {
    List<String> words = ShellWords.split(line);
    assertThatThrownBy(() -> words.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
