package org.cockpit4j.log;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Python's {@code json.dumps} does: {@code indent=4} with {@code ", "}/{@code
 * ": "} separators or compact, keys sorted when asked, floats in shortest round-trip form,
 * non-finite numbers as the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
final class JsonText {
  private JsonText() {}

  /** {@code node} pretty-printed with {@code indent} spaces per level. */
  static void writePretty(JsonNode node, Appendable out, int indent, boolean sortKeys, int level)
      throws IOException {
    if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        pad(out, indent * (level + 1));
        writePretty(node.get(i), out, indent, sortKeys, level + 1);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      pad(out, indent * level);
      out.append(']');
    } else if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      List<String> keys = keys(node, sortKeys);
      for (int i = 0; i < keys.size(); i++) {
        pad(out, indent * (level + 1));
        string(keys.get(i), out);
        out.append(": ");
        writePretty(node.get(keys.get(i)), out, indent, sortKeys, level + 1);
        out.append(i + 1 < keys.size() ? ",\n" : "\n");
      }
      pad(out, indent * level);
      out.append('}');
    } else {
      scalar(node, out);
    }
  }

  /** {@code node} on one line without spaces. */
  static void writeCompact(JsonNode node, Appendable out, boolean sortKeys) throws IOException {
    if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeCompact(node.get(i), out, sortKeys);
      }
      out.append(']');
    } else if (node.isObject()) {
      out.append('{');
      List<String> keys = keys(node, sortKeys);
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(keys.get(i), out);
        out.append(':');
        writeCompact(node.get(keys.get(i)), out, sortKeys);
      }
      out.append('}');
    } else {
      scalar(node, out);
    }
  }

  private static List<String> keys(JsonNode object, boolean sort) {
    List<String> keys = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      keys.add(fields.next().getKey());
    }
    if (sort) {
      keys.sort(null);
    }
    return keys;
  }

  private static void scalar(JsonNode node, Appendable out) throws IOException {
    if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      out.append(number(node.doubleValue()));
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else {
      throw new IllegalArgumentException("Cannot write JSON node " + node.getNodeType());
    }
  }

  /** A double in shortest round-trip form, or {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return LogValues.nonFiniteName(value);
    }
    return NumberOutput.toString(value, true);
  }

  private static void string(String text, Appendable out) throws IOException {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void pad(Appendable out, int spaces) throws IOException {
    for (int i = 0; i < spaces; i++) {
      out.append(' ');
    }
  }
}
