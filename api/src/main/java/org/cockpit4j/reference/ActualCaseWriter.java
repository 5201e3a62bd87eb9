package org.cockpit4j.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a case-shaped JSON document of <i>actual</i> values (what Cockpit4J computed for a
 * reference case), in the layout of the reference file so that the two can be compared key by key:
 * {@code steps[k].forward}, {@code .backpack}, {@code .hessian.trace}, {@code .params}, {@code
 * .cockpit}, {@code .cockpit_variants}, {@code final_params}. Tensors are written as tensor
 * objects, non-finite numbers as strings (see {@link JsonValues}). Only what was given is written.
 *
 * <pre>{@code
 * ActualCaseWriter actual = new ActualCaseWriter("case_mlp");
 * actual.step(0).forward(loss, individualLosses, outputs).backpack("grad", grads);
 * actual.step(0).cockpit("Loss", loss);
 * actual.finalParams(theta).write(Path.of("case_mlp.actual.json"));
 * }</pre>
 */
public final class ActualCaseWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode top = NODES.objectNode();
  private final Map<Integer, Step> steps = new TreeMap<>();

  /** Starts a document for case {@code caseName} ({@code format_version} 1, {@code case}). */
  public ActualCaseWriter(String caseName) {
    top.put("format_version", ReferenceReader.FORMAT_VERSION);
    top.put("case", caseName);
  }

  /** Sets a top-level key (e.g. {@code dtype}, {@code backend}); see {@link JsonValues#toJson}. */
  public ActualCaseWriter put(String key, Object value) {
    if (key.equals("steps")) {
      throw new IllegalArgumentException("Use step(k) to add steps");
    }
    top.set(key, JsonValues.toJson(value));
    return this;
  }

  /** θ after the last step, per parameter. */
  public ActualCaseWriter finalParams(List<TensorData> params) {
    top.set("final_params", JsonValues.tensors(params));
    return this;
  }

  /** The step with {@code global_step} k, created on first use. */
  public Step step(int globalStep) {
    if (globalStep < 0) {
      throw new IllegalArgumentException("global_step must be >= 0, got " + globalStep);
    }
    return steps.computeIfAbsent(globalStep, Step::new);
  }

  /** The document: the top-level keys, then {@code steps} sorted by {@code global_step}. */
  public ObjectNode toJson() {
    ObjectNode document = top.deepCopy();
    ArrayNode stepArray = document.putArray("steps");
    for (Step step : steps.values()) {
      stepArray.add(step.node.deepCopy());
    }
    return document;
  }

  /** The document as compact JSON. */
  public String toJsonString() {
    try {
      return MAPPER.writeValueAsString(toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the actual values", e);
    }
  }

  /** Writes the document (compact JSON, UTF-8), creating parent directories. */
  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJsonString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write actual values to " + file, e);
    }
  }

  /** The values of one step; every setter returns this step for chaining. */
  public static final class Step {
    private final ObjectNode node = NODES.objectNode();

    private Step(int globalStep) {
      node.put("global_step", globalStep);
    }

    /** θ_k, per parameter. */
    public Step params(List<TensorData> params) {
      node.set("params", JsonValues.tensors(params));
      return this;
    }

    /** The forward pass: mean loss, ℓ_n ({@code [N]}) and outputs ({@code [N, C]}). */
    public Step forward(double loss, TensorData individualLosses, TensorData outputs) {
      ObjectNode forward = node.putObject("forward");
      forward.set("loss", JsonValues.number(loss));
      forward.set("individual_losses", JsonValues.tensor(individualLosses));
      forward.set("outputs", JsonValues.tensor(outputs));
      return this;
    }

    /** A BackPACK result ({@code grad}, {@code batch_grad}, ...), per parameter. */
    public Step backpack(String key, List<TensorData> perParameter) {
      section("backpack").set(key, JsonValues.tensors(perParameter));
      return this;
    }

    /** {@code hessian.trace}. */
    public Step hessianTrace(double trace) {
      return hessian("trace", trace);
    }

    /** A Hessian fact ({@code trace}, {@code eig_max}, ...). */
    public Step hessian(String key, double value) {
      section("hessian").set(key, JsonValues.number(value));
      return this;
    }

    /** A main-cockpit quantity's value under its class name (see {@link JsonValues#toJson}). */
    public Step cockpit(String quantity, Object value) {
      section("cockpit").set(quantity, JsonValues.toJson(value));
      return this;
    }

    /** A variant-cockpit quantity's value under its class name. */
    public Step cockpitVariant(String quantity, Object value) {
      section("cockpit_variants").set(quantity, JsonValues.toJson(value));
      return this;
    }

    /** Any other key of the step (e.g. {@code derived}, {@code optimizer_state_after_update}). */
    public Step put(String key, Object value) {
      if (key.equals("global_step")) {
        throw new IllegalArgumentException("global_step is fixed by ActualCaseWriter.step(k)");
      }
      node.set(key, JsonValues.toJson(value));
      return this;
    }

    private ObjectNode section(String key) {
      return node.has(key) && node.get(key).isObject()
          ? (ObjectNode) node.get(key)
          : node.putObject(key);
    }
  }
}
