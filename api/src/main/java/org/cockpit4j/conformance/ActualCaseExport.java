package org.cockpit4j.conformance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.reference.ActualCaseWriter;
import org.cockpit4j.reference.TensorData;

/**
 * Writes a {@link ReplayedCase} in the case file's own layout ({@code steps[k].forward}, {@code
 * .backpack}, {@code .derived}, {@code .hessian.trace}, {@code .params}, {@code
 * .optimizer_state_after_update}, {@code final_params}) so that any outside tool can compare it.
 */
public final class ActualCaseExport {
  private ActualCaseExport() {}

  /**
   * The writer holding every replayed value; {@code cockpit} (may be null) adds each step's {@code
   * cockpit} and {@code cockpit_variants} sections and, under {@code cockpit_extras}, log entries
   * the original does not have (e.g. {@code HessMaxEV_products}).
   */
  public static ActualCaseWriter toWriter(
      ReplayedCase replayed, ReferenceCockpitRun.Result cockpit) {
    ActualCaseWriter writer = new ActualCaseWriter(replayed.name());
    for (ReplayedStep step : replayed.steps()) {
      ActualCaseWriter.Step out = writer.step(step.globalStep());
      int k = step.globalStep();
      if (cockpit != null && k < cockpit.cockpit().size()) {
        cockpit.cockpit().get(k).forEach(out::cockpit);
        cockpit.variants().get(k).forEach(out::cockpitVariant);
        if (!cockpit.extras().get(k).isEmpty()) {
          out.put("cockpit_extras", cockpit.extras().get(k));
        }
      }
      out.params(step.params());
      out.forward(step.loss(), step.individualLosses(), step.outputs());
      for (Map.Entry<String, List<TensorData>> entry : step.backpack().entrySet()) {
        out.backpack(entry.getKey(), entry.getValue());
      }
      Map<String, Object> derived = new LinkedHashMap<>();
      derived.put("batch_dot", step.batchDot());
      derived.put("batch_l2_total", step.batchL2Total());
      out.put("derived", derived);
      out.hessian("dim", step.hessian().dim());
      out.hessian("trace", step.hessian().trace());
      out.hessian("eig_max", step.hessian().eigMax());
      out.hessian("eig_min", step.hessian().eigMin());
      out.hessian("eig_abs_max", step.hessian().eigAbsMax());
      out.hessian("eig_second_abs", step.hessian().eigSecondAbs());
      out.hessian("frobenius_norm", step.hessian().frobeniusNorm());
      if (!step.optimizerState().isEmpty()) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", step.optimizerStep());
        state.putAll(step.optimizerState());
        out.put("optimizer_state_after_update", state);
      }
    }
    writer.finalParams(replayed.finalParams());
    return writer;
  }

  /** Writes {@code replayed} (and the Cockpit's replay, if not null) to {@code file}. */
  public static void write(ReplayedCase replayed, ReferenceCockpitRun.Result cockpit, Path file) {
    toWriter(replayed, cockpit).write(file);
  }
}
