package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.derivatives.CrossEntropyDerivatives;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.derivatives.MseDerivatives;
import org.cockpit4j.extension.batchdot.BatchDotConv2d;
import org.cockpit4j.extension.batchdot.BatchDotLinear;
import org.cockpit4j.extension.batchgrad.BatchGradConv2d;
import org.cockpit4j.extension.batchgrad.BatchGradLinear;
import org.cockpit4j.extension.batchl2.BatchL2Conv2d;
import org.cockpit4j.extension.batchl2.BatchL2Linear;
import org.cockpit4j.extension.diagggn.DiagGgnConv2d;
import org.cockpit4j.extension.diagggn.DiagGgnLinear;
import org.cockpit4j.extension.diagggn.DiagGgnPassThrough;
import org.cockpit4j.extension.diaghessian.DiagHessianActivation;
import org.cockpit4j.extension.diaghessian.DiagHessianConv2d;
import org.cockpit4j.extension.diaghessian.DiagHessianLinear;
import org.cockpit4j.extension.diaghessian.DiagHessianPassThrough;
import org.cockpit4j.extension.rop.RopActivation;
import org.cockpit4j.extension.rop.RopAvgPool2d;
import org.cockpit4j.extension.rop.RopConv2d;
import org.cockpit4j.extension.rop.RopDropout;
import org.cockpit4j.extension.rop.RopFlatten;
import org.cockpit4j.extension.rop.RopIdentity;
import org.cockpit4j.extension.rop.RopLinear;
import org.cockpit4j.extension.rop.RopMaxPool2d;
import org.cockpit4j.extension.sumgradsquared.SumGradSquaredConv2d;
import org.cockpit4j.extension.sumgradsquared.SumGradSquaredLinear;
import org.cockpit4j.extension.variance.VarianceConv2d;
import org.cockpit4j.extension.variance.VarianceLinear;
import org.cockpit4j.nn.Activation;
import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Identity;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.MaxPool2d;

/**
 * The rules of the built-in layers (Linear, Conv2d, every Activation, MaxPool2d, AvgPool2d,
 * Flatten, Dropout, Identity; the containers Sequential and Residual are handled by the engines
 * themselves) for every built-in extension and the R-operator, and the derivatives of the built-in
 * losses. The built-in layer plugin ({@code org.cockpit4j.model.BuiltInLayers}) contributes exactly
 * these.
 */
public final class BuiltInRules {
  /** The origin recorded for the built-in entries. */
  public static final String ORIGIN = BuiltInRules.class.getName();

  private static final List<Class<? extends Layer>> LINEAR_PARAMETER_FREE =
      List.of(MaxPool2d.class, AvgPool2d.class, Flatten.class, Dropout.class, Identity.class);

  private BuiltInRules() {}

  /** Every built-in rule. */
  public static List<ExtensionRule<?>> rules() {
    List<ExtensionRule<?>> rules = new ArrayList<>();
    rules.add(new BatchGradLinear());
    rules.add(new BatchGradConv2d());
    rules.add(new BatchL2Linear());
    rules.add(new BatchL2Conv2d());
    rules.add(new SumGradSquaredLinear());
    rules.add(new SumGradSquaredConv2d());
    rules.add(new VarianceLinear());
    rules.add(new VarianceConv2d());
    rules.add(new BatchDotLinear());
    rules.add(new BatchDotConv2d());
    for (String ggn : List.of(DiagGgnExact.NAME, DiagGgnMonteCarlo.NAME)) {
      rules.add(new DiagGgnLinear(ggn));
      rules.add(new DiagGgnConv2d(ggn));
      rules.add(new DiagGgnPassThrough<>(ggn, Activation.class));
      for (Class<? extends Layer> layerClass : LINEAR_PARAMETER_FREE) {
        rules.add(passThroughGgn(ggn, layerClass));
      }
    }
    rules.add(new DiagHessianLinear());
    rules.add(new DiagHessianConv2d());
    rules.add(new DiagHessianActivation());
    for (Class<? extends Layer> layerClass : LINEAR_PARAMETER_FREE) {
      rules.add(passThroughHessian(layerClass));
    }
    rules.add(new RopLinear());
    rules.add(new RopConv2d());
    rules.add(new RopActivation());
    rules.add(new RopMaxPool2d());
    rules.add(new RopAvgPool2d());
    rules.add(new RopFlatten());
    rules.add(new RopDropout());
    rules.add(new RopIdentity());
    return rules;
  }

  /** The derivatives of cross-entropy and MSE. */
  public static List<LossDerivatives<?>> lossDerivatives() {
    return List.of(new CrossEntropyDerivatives(), new MseDerivatives());
  }

  /** Registers every built-in rule and loss derivative in {@code set} (origin {@link #ORIGIN}). */
  public static void registerAll(RuleSet set) {
    for (ExtensionRule<?> rule : rules()) {
      set.register(rule, ORIGIN);
    }
    for (LossDerivatives<?> derivatives : lossDerivatives()) {
      set.registerLoss(derivatives, ORIGIN, false);
    }
  }

  private static <L extends Layer> ExtensionRule<L> passThroughGgn(String name, Class<L> type) {
    return new DiagGgnPassThrough<>(name, type);
  }

  private static <L extends Layer> ExtensionRule<L> passThroughHessian(Class<L> type) {
    return new DiagHessianPassThrough<>(type);
  }
}
