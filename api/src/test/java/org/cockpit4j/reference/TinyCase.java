package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.cockpit4j.tensor.Shape;

/**
 * A minimal well-formed case document (Linear(2→2), N = 2, cross entropy, SGD, two steps) with
 * arbitrary values, for tests that break it on purpose.
 */
final class TinyCase {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TinyCase() {}

  static ObjectNode document() {
    ObjectNode top = NODES.objectNode();
    top.put("format_version", 1);
    top.put("case", "tiny");
    top.put("dtype", "float64");
    top.put("seed", 3);
    ObjectNode model = top.putObject("model");
    model.putArray("input_shape").add(2);
    model.put("output_dim", 2);
    ObjectNode linear = model.putArray("layers").addObject();
    linear.put("type", "linear").put("in", 2).put("out", 2).put("bias", true);
    top.putObject("loss").put("type", "cross_entropy").put("reduction", "mean");
    top.putObject("optimizer").put("type", "sgd").put("lr", 0.1).put("momentum", 0.0);
    top.put("batch_size", 2);
    top.put("num_steps", 2);
    ArrayNode parameters = top.putArray("parameters");
    parameters.addObject().put("name", "0.weight").put("layer", 0).put("kind", "weight");
    ((ObjectNode) parameters.get(0)).set("shape", JsonValues.toJson(new int[] {2, 2}));
    ((ObjectNode) parameters.get(0)).put("numel", 4);
    parameters.addObject().put("name", "0.bias").put("layer", 0).put("kind", "bias");
    ((ObjectNode) parameters.get(1)).set("shape", JsonValues.toJson(new int[] {2}));
    ((ObjectNode) parameters.get(1)).put("numel", 2);
    top.set("initial_params", params(0));
    top.set("final_params", params(2));
    top.putObject("cockpit").putArray("quantities").add("Loss");
    ArrayNode steps = top.putArray("steps");
    for (int k = 0; k < 2; k++) {
      steps.add(step(k));
    }
    return top;
  }

  private static ArrayNode params(int k) {
    return JsonValues.tensors(
        List.of(TensorData.of(Shape.of(2, 2), k, 1, 2, 3), TensorData.of(Shape.of(2), 0.5, -0.5)));
  }

  private static ObjectNode step(int k) {
    ObjectNode step = NODES.objectNode();
    step.put("global_step", k);
    step.set("inputs", JsonValues.tensor(TensorData.of(Shape.of(2, 2), 1, 2, 3, 4)));
    step.putArray("labels").add(1).add(0);
    step.set("params", params(k));
    ObjectNode forward = step.putObject("forward");
    forward.put("loss", 0.7);
    forward.set("individual_losses", JsonValues.tensor(TensorData.of(Shape.of(2), 0.6, 0.8)));
    forward.set("outputs", JsonValues.tensor(TensorData.of(Shape.of(2, 2), 1, 0, 0, 1)));
    ObjectNode backpack = step.putObject("backpack");
    backpack.set("grad", params(k));
    backpack.set(
        "batch_grad",
        JsonValues.tensors(
            List.of(
                TensorData.of(Shape.of(2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8),
                TensorData.of(Shape.of(2, 2), 1, 2, 3, 4))));
    backpack.set(
        "batch_l2",
        JsonValues.tensors(
            List.of(TensorData.of(Shape.of(2), 1, 2), TensorData.of(Shape.of(2), 3, 4))));
    ObjectNode derived = step.putObject("derived");
    derived.set("batch_dot", JsonValues.tensor(TensorData.of(Shape.of(2, 2), 1, 0, 0, 1)));
    derived.set("batch_l2_total", JsonValues.tensor(TensorData.of(Shape.of(2), 1, 1)));
    ObjectNode hessian = step.putObject("hessian");
    hessian.put("dim", 6).put("trace", 1.5).put("eig_max", 1.0).put("eig_min", -0.5);
    hessian.put("eig_abs_max", 1.0).put("eig_second_abs", 0.5).put("frobenius_norm", 1.2);
    step.putObject("cockpit").put("Loss", 0.7);
    step.putObject("cockpit_variants");
    return step;
  }
}
