package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line and column of every key and value of a YAML document, by JSON-pointer-like path ({@code
 * /model/layers/2/out}): what lets a check that runs after parsing (a batch size of 0, an unknown
 * layer type, layers whose shapes do not chain) point at the place to fix. Paths written by an
 * override (a sweep point, a command-line option) can be redirected to where the override came
 * from.
 */
public final class SourceMap {
  private final String source;
  private final Map<String, SourceLocation> keys = new HashMap<>();
  private final Map<String, SourceLocation> values = new HashMap<>();
  private final Map<String, SourceLocation> overridden = new HashMap<>();

  /** An empty map for {@code source} (every lookup answers the source only). */
  public SourceMap(String source) {
    this.source = source;
  }

  /** A copy (overrides of the copy do not affect this map). */
  public SourceMap copy() {
    SourceMap copy = new SourceMap(source);
    copy.keys.putAll(keys);
    copy.values.putAll(values);
    copy.overridden.putAll(overridden);
    return copy;
  }

  /** The file name or description the locations refer to. */
  public String source() {
    return source;
  }

  /**
   * Records the locations of every key and value the parser yields (the parser must be positioned
   * before the first token).
   */
  public static SourceMap scan(String source, JsonParser parser) throws IOException {
    SourceMap map = new SourceMap(source);
    Deque<Frame> stack = new ArrayDeque<>();
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      JsonLocation location = parser.currentTokenLocation();
      Frame top = stack.peek();
      if (token == JsonToken.FIELD_NAME) {
        top.key = parser.currentName();
        map.keys.put(top.path + "/" + top.key, map.location(location));
        continue;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        stack.pop();
        continue;
      }
      String path = top == null ? "" : top.childPath();
      map.values.put(path, map.location(location));
      if (token == JsonToken.START_OBJECT) {
        stack.push(new Frame(path, false));
      } else if (token == JsonToken.START_ARRAY) {
        stack.push(new Frame(path, true));
      }
    }
    return map;
  }

  private SourceLocation location(JsonLocation location) {
    return new SourceLocation(source, location.getLineNr(), location.getColumnNr());
  }

  /**
   * Makes every path at or below {@code path} answer {@code location} (a value written by an
   * override).
   */
  public void override(String path, SourceLocation location) {
    overridden.put(path, location);
  }

  /**
   * The location of the key of {@code path} (for an array element: the element), falling back to
   * the value, then to the nearest enclosing path that has one, then to the source alone.
   */
  public SourceLocation key(String path) {
    return find(path, true);
  }

  /** The location of the value at {@code path}, with the same fall-backs as {@link #key}. */
  public SourceLocation value(String path) {
    return find(path, false);
  }

  private SourceLocation find(String path, boolean preferKey) {
    String current = path;
    while (true) {
      SourceLocation override = overridden.get(current);
      if (override != null) {
        return override;
      }
      if (current.equals(path)) {
        SourceLocation first = preferKey ? keys.get(current) : values.get(current);
        SourceLocation second = preferKey ? values.get(current) : keys.get(current);
        if (first != null) {
          return first;
        }
        if (second != null) {
          return second;
        }
      } else {
        SourceLocation enclosing =
            keys.containsKey(current) ? keys.get(current) : values.get(current);
        if (enclosing != null) {
          return enclosing;
        }
      }
      if (current.isEmpty()) {
        return SourceLocation.of(source);
      }
      current = current.substring(0, current.lastIndexOf('/'));
    }
  }

  /** Whether the document itself wrote something at {@code path} (not a default). */
  public boolean contains(String path) {
    return keys.containsKey(path) || values.containsKey(path) || overridden.containsKey(path);
  }

  private static final class Frame {
    final String path;
    final boolean array;
    String key;
    int index = -1;

    Frame(String path, boolean array) {
      this.path = path;
      this.array = array;
    }

    String childPath() {
      if (array) {
        index++;
        return path + "/" + index;
      }
      return path + "/" + key;
    }
  }
}
