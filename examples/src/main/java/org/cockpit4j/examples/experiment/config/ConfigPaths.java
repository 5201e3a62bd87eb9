package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between the three spellings of a place in an experiment file: the pointer used by
 * {@link SourceMap} ({@code /model/layers/2/out}), the dotted key shown to users ({@code
 * model.layers[2].out}) and the dotted path of overrides and sweeps ({@code model.layers.2.out}).
 */
public final class ConfigPaths {
  private ConfigPaths() {}

  /** {@code /model/layers/2/out} → {@code model.layers[2].out}. */
  public static String display(String pointer) {
    StringBuilder text = new StringBuilder();
    for (String segment : segments(pointer)) {
      if (isIndex(segment)) {
        text.append('[').append(segment).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(segment);
      }
    }
    return text.toString();
  }

  /** {@code model.layers.2.out} → {@code /model/layers/2/out}. */
  public static String pointer(String dotted) {
    if (dotted.isEmpty()) {
      return "";
    }
    return "/" + dotted.replace('.', '/');
  }

  /** The segments of a pointer ({@code /a/0/b} → a, 0, b). */
  public static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    for (String segment : pointer.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** The pointer of the place a Jackson binding error refers to. */
  public static String pointer(JsonMappingException exception) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : exception.getPath()) {
      if (reference.getFieldName() != null) {
        pointer.append('/').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        pointer.append('/').append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  /** Whether a segment is a list index. */
  public static boolean isIndex(String segment) {
    if (segment.isEmpty()) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (!Character.isDigit(segment.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
