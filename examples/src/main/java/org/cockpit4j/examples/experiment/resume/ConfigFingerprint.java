package org.cockpit4j.examples.experiment.resume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.ExperimentMapper;

/**
 * What must not change between a run and its resumption: the resolved configuration without the
 * keys that do not change what the steps compute ({@code output}: where and which files are
 * written; {@code training.checkpoint}: when checkpoints are written; {@code training.steps} and
 * {@code training.epochs}: where training stops, so a run can be resumed to train longer), with
 * object keys sorted, and its SHA-256. {@link #differences} names the keys that differ, for the
 * error message.
 */
public final class ConfigFingerprint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigFingerprint() {}

  /** The canonical tree of {@code config} (keys sorted, free keys removed). */
  public static ObjectNode canonical(ExperimentConfig config) {
    ObjectNode tree = ExperimentMapper.get().valueToTree(config);
    tree.remove("output");
    if (tree.get("training") instanceof ObjectNode training) {
      training.remove("checkpoint");
      training.remove("steps");
      training.remove("epochs");
    }
    return (ObjectNode) sorted(tree);
  }

  /** The SHA-256 of the canonical tree's JSON text, in hexadecimal. */
  public static String sha256(JsonNode canonical) {
    try {
      byte[] text = JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the configuration", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      TreeSet<String> keys = new TreeSet<>();
      node.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        copy.set(key, sorted(node.get(key)));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /**
   * The dotted keys whose values differ between {@code before} and {@code now}, each as {@code key:
   * BEFORE (checkpoint) vs NOW (now)}; at most {@code limit} of them.
   */
  public static List<String> differences(JsonNode before, JsonNode now, int limit) {
    List<String> differences = new ArrayList<>();
    collect("", before, now, differences, limit);
    return differences;
  }

  private static void collect(
      String path, JsonNode before, JsonNode now, List<String> out, int limit) {
    if (out.size() >= limit) {
      return;
    }
    if (before != null && now != null && before.isObject() && now.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      now.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        collect(path.isEmpty() ? key : path + "." + key, before.get(key), now.get(key), out, limit);
      }
      return;
    }
    if (before != null
        && now != null
        && before.isArray()
        && now.isArray()
        && before.size() == now.size()) {
      Iterator<JsonNode> a = before.elements();
      Iterator<JsonNode> b = now.elements();
      for (int i = 0; a.hasNext(); i++) {
        collect(path + "." + i, a.next(), b.next(), out, limit);
      }
      return;
    }
    if (before != null && now != null && before.isNumber() && now.isNumber()) {
      if (before.decimalValue().compareTo(now.decimalValue()) != 0) {
        out.add(path + ": " + show(before) + " in the checkpoint, " + show(now) + " now");
      }
      return;
    }
    if (before == null ? now != null : !before.equals(now)) {
      out.add(path + ": " + show(before) + " in the checkpoint, " + show(now) + " now");
    }
  }

  private static String show(JsonNode value) {
    if (value == null) {
      return "(not set)";
    }
    String text = value.toString();
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
