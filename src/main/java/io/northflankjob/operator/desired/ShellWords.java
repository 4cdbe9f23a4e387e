package io.northflankjob.operator.desired;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does, without running a shell: the
 * container's entrypoint and CMD are given as one string (as Northflank takes them) and Kubernetes
 * wants a list.
 *
 * <p>Rules, from the POSIX "Quoting" and "Token Recognition" sections: words are separated by
 * unquoted spaces, tabs and newlines; a backslash outside quotes keeps the next character literal
 * (backslash-newline joins lines); inside single quotes every character is literal; inside double
 * quotes a backslash escapes only {@code $ ` " \} and newline and is kept before anything else.
 * Quotes may join parts of one word ({@code a'b c'd} is one word) and an empty quoted string is an
 * empty word. Nothing is expanded: {@code $VAR}, {@code *}, {@code ;} and {@code #} stay as
 * written (run {@code sh -c '...'} for those).
 */
public final class ShellWords {

  /** A command line that no shell would accept as it is. */
  public static final class SyntaxException extends IllegalArgumentException {
    SyntaxException(String message) {
      super(message);
    }
  }

  private ShellWords() {}

  /**
   * The words of {@code line}; none for a blank line.
   *
   * @throws SyntaxException for an unterminated quote or a trailing backslash
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    // True once the current word has any part, even an empty quoted one: '' is a word.
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\\') {
        if (i + 1 == line.length()) {
          throw new SyntaxException("ends with a backslash that escapes nothing");
        }
        char next = line.charAt(i + 1);
        if (next != '\n') {
          word.append(next);
          inWord = true;
        }
        i += 2;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          throw unterminated("single", i);
        }
        word.append(line, i + 1, close);
        inWord = true;
        i = close + 1;
      } else if (c == '"') {
        i = appendDoubleQuoted(line, i, word);
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }

  /** Appends the double-quoted part opening at {@code open}; returns the index after its close. */
  private static int appendDoubleQuoted(String line, int open, StringBuilder word) {
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
        char next = line.charAt(i + 1);
        if (next != '\n') {
          word.append(next);
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw unterminated("double", open);
  }

  private static SyntaxException unterminated(String kind, int index) {
    return new SyntaxException(
        "unterminated " + kind + " quote: the quote at character " + (index + 1) + " is never closed");
  }
}
