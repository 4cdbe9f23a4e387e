package io.northflankjob.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/** How values appear in problem messages: strings quoted, numbers without a needless ".0". */
final class Messages {

  private Messages() {}

  static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }

  static String value(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNumber()) {
      return number(node.decimalValue());
    }
    return node.toString();
  }

  static String number(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  /** "an integer", "a string": JSON Schema type names with their article. */
  static String typeName(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }
}
