package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Residual;
import org.cockpit4j.nn.Sequential;

/**
 * The rules resolved for one model and one extension set, before any computation: for every leaf
 * layer the (extension, rule) pairs to run. Missing rules fail here (strict) or are dropped with
 * one warning (lenient): a first-order extension then skips just that layer's parameters, a
 * curvature extension is dropped entirely (its factors could not pass the layer).
 */
final class BackwardPlan {
  /** One rule to run at a leaf. */
  record Application(Extension extension, BackwardRule<Layer> rule) {}

  private record Missing(Extension extension, String path, Layer layer) {
    String describe() {
      return extension.name()
          + " on layer "
          + path
          + " ("
          + layer.type()
          + ", "
          + layer.getClass().getName()
          + ")";
    }
  }

  private final ExtensionSet active;
  private final Map<Layer, List<Application>> applications;
  private final String warning;

  private BackwardPlan(
      ExtensionSet active, Map<Layer, List<Application>> applications, String warning) {
    this.active = active;
    this.applications = applications;
    this.warning = warning;
  }

  /** Resolves the rules of {@code requested} for every leaf of {@code model}. */
  static BackwardPlan resolve(Layer model, ExtensionSet requested, RuleSet rules, boolean lenient) {
    Map<Layer, List<Application>> applications = new IdentityHashMap<>();
    List<Missing> missing = new ArrayList<>();
    visit(model, "", requested, rules, applications, missing);
    if (missing.isEmpty()) {
      return new BackwardPlan(requested, applications, null);
    }
    List<String> lines = new ArrayList<>();
    Set<Extension> droppedCurvature = new LinkedHashSet<>();
    for (Missing entry : missing) {
      lines.add(entry.describe());
      if (entry.extension().isCurvature()) {
        droppedCurvature.add(entry.extension());
      }
    }
    if (!lenient) {
      throw new MissingRuleException(
          "No rule for "
              + String.join("; ", lines)
              + ". Register a rule for each (extension, layer class) through a LayerPlugin"
              + " (or RuleSet.register), or run the extensions in lenient mode to skip them.");
    }
    for (List<Application> list : applications.values()) {
      list.removeIf(application -> droppedCurvature.contains(application.extension()));
    }
    StringBuilder text = new StringBuilder("Skipping extension work without a rule: ");
    text.append(String.join("; ", lines)).append('.');
    if (!droppedCurvature.isEmpty()) {
      text.append(" Curvature extensions ")
          .append(droppedCurvature)
          .append(" are skipped for the whole model (their factors cannot pass such a layer).");
    }
    text.append(" First-order extensions skip only the parameters of the layers named.");
    return new BackwardPlan(requested.without(droppedCurvature), applications, text.toString());
  }

  private static void visit(
      Layer layer,
      String path,
      ExtensionSet requested,
      RuleSet rules,
      Map<Layer, List<Application>> applications,
      List<Missing> missing) {
    if (layer instanceof Sequential sequential) {
      for (int i = 0; i < sequential.size(); i++) {
        String child = path.isEmpty() ? Integer.toString(i) : path + "." + i;
        visit(sequential.layer(i), child, requested, rules, applications, missing);
      }
      return;
    }
    if (layer instanceof Residual residual) {
      String child = (path.isEmpty() ? "" : path + ".") + Residual.BRANCH_NAME;
      visit(residual.inner(), child, requested, rules, applications, missing);
      return;
    }
    String name = path.isEmpty() ? "model" : path;
    List<Application> list = new ArrayList<>();
    for (Extension extension : requested) {
      if (!extension.isCurvature() && layer.parameters().isEmpty()) {
        continue;
      }
      Optional<ExtensionRule<?>> rule = rules.find(extension.name(), layer.getClass());
      if (rule.isPresent() && rule.get() instanceof BackwardRule<?> backwardRule) {
        list.add(new Application(extension, cast(backwardRule)));
      } else {
        missing.add(new Missing(extension, name, layer));
      }
    }
    applications.put(layer, list);
  }

  @SuppressWarnings("unchecked")
  private static BackwardRule<Layer> cast(BackwardRule<?> rule) {
    // Safe: the rule was found for the layer's class or one of its superclasses.
    return (BackwardRule<Layer>) rule;
  }

  /** The extensions that run (the requested ones minus dropped curvature extensions). */
  ExtensionSet active() {
    return active;
  }

  /** The rules to run at {@code leaf}, in the order of the extension set. */
  List<Application> applications(Layer leaf) {
    List<Application> list = applications.get(leaf);
    return list == null ? List.of() : list;
  }

  /** The one warning of a lenient plan with missing rules. */
  Optional<String> warning() {
    return Optional.ofNullable(warning);
  }
}
