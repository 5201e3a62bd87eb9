package org.cockpit4j.reference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;

/**
 * Reads reference cases ({@code FORMAT.md}, format_version 1) into {@link ReferenceCase} records.
 *
 * <p>The reader is generic: layer and quantity names are not interpreted, unknown keys are ignored,
 * and the Cockpit outputs stay raw JSON. It checks structure: required keys and their types, {@code
 * len(data) == prod(shape)} of every tensor, per-parameter lists with one tensor of the parameter's
 * shape ({@code [N] + shape} for {@code batch_grad}), batch axes of N, and step numbering. Every
 * failure is a {@link ReferenceFormatException} naming the file and the JSON path.
 */
public final class ReferenceReader {
  /** The only {@code format_version} this reader knows. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReferenceReader() {}

  /** Reads and validates one case file. */
  public static ReferenceCase read(Path file) {
    String name = file.toString();
    return parse(readTree(file), name, file);
  }

  /**
   * Reads any JSON file into a tree, turning I/O and syntax errors into a {@link
   * ReferenceFormatException} naming the file (and line and column for syntax errors).
   */
  public static JsonNode readTree(Path file) {
    String name = file.toString();
    try (InputStream input = Files.newInputStream(file)) {
      return MAPPER.readTree(input);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new ReferenceFormatException(
          name, "", "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (NoSuchFileException e) {
      throw new ReferenceFormatException(name, "", "the file does not exist", e);
    } catch (IOException e) {
      throw new ReferenceFormatException(name, "", "cannot read the file: " + e, e);
    }
  }

  /**
   * Parses a case from a JSON tree.
   *
   * @param fileName used in error messages (may be null)
   * @param source recorded as {@link ReferenceCase#source()} (may be null)
   */
  public static ReferenceCase parse(JsonNode root, String fileName, Path source) {
    JsonCursor top = JsonCursor.root(root, fileName).requireObject();
    JsonCursor versionCursor = top.field("format_version");
    int version = versionCursor.asInt();
    if (version != FORMAT_VERSION) {
      throw versionCursor.error(
          "format_version " + FORMAT_VERSION + " (the one this reader knows)");
    }
    String name = top.field("case").asString();
    JsonCursor descriptionCursor = top.optionalField("description");
    String description = descriptionCursor == null ? "" : descriptionCursor.asString();
    JsonCursor dtypeCursor = top.field("dtype");
    DType dtype;
    try {
      dtype = DType.parse(dtypeCursor.asString());
    } catch (IllegalArgumentException e) {
      throw dtypeCursor.error("\"float32\" or \"float64\"");
    }
    long seed = top.field("seed").asLong();
    ModelSpec model = ModelSpec.parse(top.field("model"));
    LossSpec loss = LossSpec.parse(top.field("loss"));
    OptimizerSpec optimizer = OptimizerSpec.parse(top.field("optimizer"));
    int batchSize = positive(top.field("batch_size"));
    int numSteps = top.field("num_steps").asInt();
    List<ParameterSpec> parameters = new ArrayList<>();
    for (JsonCursor parameter : top.field("parameters").elements()) {
      parameters.add(ParameterSpec.parse(parameter, model.layers().size()));
    }
    Context context = new Context(parameters, batchSize, model, loss);
    List<TensorData> initialParams = context.perParameter(top.field("initial_params"), false);
    List<TensorData> finalParams = context.perParameter(top.field("final_params"), false);
    JsonNode cockpit = top.field("cockpit").requireObject().node();
    JsonNode spread = nodeOrNull(top.optionalField("hess_max_ev_power_iteration_spread_step0"));
    JsonNode environment = nodeOrNull(top.optionalField("environment"));
    List<JsonCursor> stepCursors = top.field("steps").elements(numSteps, "num_steps");
    List<ReferenceStep> steps = new ArrayList<>();
    for (int k = 0; k < stepCursors.size(); k++) {
      steps.add(context.step(stepCursors.get(k), k));
    }
    return new ReferenceCase(
        source,
        version,
        name,
        description,
        dtype,
        seed,
        model,
        loss,
        optimizer,
        batchSize,
        numSteps,
        parameters,
        initialParams,
        finalParams,
        cockpit,
        spread,
        environment,
        steps);
  }

  private static int positive(JsonCursor cursor) {
    int value = cursor.asInt();
    if (value <= 0) {
      throw cursor.error("a positive integer");
    }
    return value;
  }

  private static JsonNode nodeOrNull(JsonCursor cursor) {
    return cursor == null ? null : cursor.node();
  }

  /** What step parsing checks against: the parameter shapes, N and the model's shapes. */
  private record Context(
      List<ParameterSpec> parameters, int batchSize, ModelSpec model, LossSpec loss) {

    ReferenceStep step(JsonCursor cursor, int index) {
      JsonCursor stepCursor = cursor.field("global_step");
      int globalStep = stepCursor.asInt();
      if (globalStep != index) {
        throw stepCursor.error("global_step " + index + " (steps are stored in order)");
      }
      TensorData inputs =
          tensor(
              cursor.field("inputs"), model.inputShape().prepend(batchSize), "[N] + input_shape");
      JsonCursor labelCursor = cursor.optionalField("labels");
      int[] labels = labelCursor == null ? null : labels(labelCursor);
      JsonCursor targetCursor = cursor.optionalField("targets");
      TensorData targets =
          targetCursor == null
              ? null
              : tensor(targetCursor, Shape.of(batchSize, model.outputDim()), "[N, output_dim]");
      if (labels == null && targets == null) {
        throw cursor.problem(
            "expected 'labels' (cross_entropy) or 'targets' (mse), found neither; keys present: "
                + cursor.fieldNames());
      }
      List<TensorData> params = perParameter(cursor.field("params"), false);
      ForwardValues forward = forward(cursor.field("forward"));
      Map<String, List<TensorData>> backpack = new LinkedHashMap<>();
      JsonCursor backpackCursor = cursor.field("backpack").requireObject();
      for (String key : backpackCursor.fieldNames()) {
        backpack.put(key, backpackEntry(backpackCursor.field(key), key));
      }
      JsonCursor derivedCursor = cursor.field("derived");
      DerivedValues derived =
          new DerivedValues(
              tensor(derivedCursor.field("batch_dot"), Shape.of(batchSize, batchSize), "[N, N]"),
              tensor(derivedCursor.field("batch_l2_total"), Shape.of(batchSize), "[N]"));
      HessianFacts hessian = hessian(cursor.field("hessian"));
      JsonCursor stateCursor = cursor.optionalField("optimizer_state_after_update");
      OptimizerState state = stateCursor == null ? null : optimizerState(stateCursor);
      JsonCursor seedCursor = cursor.optionalField("rng_seed_before_cockpit_backward");
      Long rngSeed = seedCursor == null ? null : seedCursor.asLong();
      JsonCursor variants = cursor.optionalField("cockpit_variants");
      return new ReferenceStep(
          globalStep,
          inputs,
          labels,
          targets,
          params,
          forward,
          backpack,
          derived,
          hessian,
          state,
          nodeOrNull(cursor.optionalField("checks")),
          rngSeed,
          cursor.field("cockpit").requireObject().node(),
          variants == null ? null : variants.requireObject().node());
    }

    private int[] labels(JsonCursor cursor) {
      List<JsonCursor> elements = cursor.elements(batchSize, "one label per sample, N");
      int[] labels = new int[elements.size()];
      for (int n = 0; n < labels.length; n++) {
        JsonCursor element = elements.get(n);
        labels[n] = element.asInt();
        if (loss.isCrossEntropy() && (labels[n] < 0 || labels[n] >= model.outputDim())) {
          throw element.error("a class index in [0, " + model.outputDim() + ")");
        }
      }
      return labels;
    }

    private ForwardValues forward(JsonCursor cursor) {
      return new ForwardValues(
          cursor.field("loss").asDouble(),
          tensor(cursor.field("individual_losses"), Shape.of(batchSize), "[N]"),
          tensor(cursor.field("outputs"), Shape.of(batchSize, model.outputDim()), "[N, C]"));
    }

    private HessianFacts hessian(JsonCursor cursor) {
      JsonCursor dimCursor = cursor.field("dim");
      int dim = dimCursor.asInt();
      int expected = parameters.stream().mapToInt(ParameterSpec::numel).sum();
      if (dim != expected) {
        throw dimCursor.error("the number of parameters, " + expected);
      }
      return new HessianFacts(
          dim,
          cursor.field("trace").asDouble(),
          cursor.field("eig_max").asDouble(),
          cursor.field("eig_min").asDouble(),
          cursor.field("eig_abs_max").asDouble(),
          cursor.field("eig_second_abs").asDouble(),
          cursor.field("frobenius_norm").asDouble());
    }

    private OptimizerState optimizerState(JsonCursor cursor) {
      long step = cursor.field("step").asLong();
      Map<String, List<TensorData>> buffers = new LinkedHashMap<>();
      for (String key : cursor.fieldNames()) {
        if (!key.equals("step")) {
          buffers.put(key, perParameter(cursor.field(key), false));
        }
      }
      return new OptimizerState(step, buffers);
    }

    private List<TensorData> backpackEntry(JsonCursor cursor, String key) {
      switch (key) {
        case "batch_grad":
          return perParameter(cursor, true);
        case "batch_l2":
          List<TensorData> norms = new ArrayList<>();
          for (JsonCursor element :
              cursor.elements(parameters.size(), "one tensor per parameter")) {
            norms.add(tensor(element, Shape.of(batchSize), "[N]"));
          }
          return norms;
        case "grad":
        case "sum_grad_squared":
        case "variance":
        case "diag_ggn_exact":
        case "diag_h":
          return perParameter(cursor, false);
        default:
          List<TensorData> values = new ArrayList<>();
          for (JsonCursor element :
              cursor.elements(parameters.size(), "one tensor per parameter")) {
            values.add(TensorData.parse(element));
          }
          return values;
      }
    }

    /** One tensor per parameter, of the parameter's shape (with a leading N when batched). */
    List<TensorData> perParameter(JsonCursor cursor, boolean batched) {
      List<JsonCursor> elements = cursor.elements(parameters.size(), "one tensor per parameter");
      List<TensorData> tensors = new ArrayList<>(elements.size());
      for (int p = 0; p < elements.size(); p++) {
        ParameterSpec parameter = parameters.get(p);
        Shape shape = batched ? parameter.shape().prepend(batchSize) : parameter.shape();
        String what = (batched ? "[N] + shape of " : "shape of ") + parameter.name();
        tensors.add(tensor(elements.get(p), shape, what));
      }
      return tensors;
    }

    private static TensorData tensor(JsonCursor cursor, Shape expected, String what) {
      TensorData tensor = TensorData.parse(cursor);
      if (!tensor.shape().equals(expected)) {
        throw cursor
            .field("shape")
            .problem("expected shape " + expected + " (" + what + "), found " + tensor.shape());
      }
      return tensor;
    }
  }
}
