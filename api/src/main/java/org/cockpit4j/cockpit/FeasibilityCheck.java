package org.cockpit4j.cockpit;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.extension.CurvatureProducts;
import org.cockpit4j.extension.ExtendedBackward;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.extension.ExtensionSet;
import org.cockpit4j.extension.MissingRuleException;
import org.cockpit4j.extension.RuleSet;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.UnsupportedSettingException;

/**
 * Whether the Cockpit's model and loss can serve what a quantity needs: a rule for every requested
 * extension on every layer, loss derivatives for curvature, R-operator rules for Hessian-vector
 * products. Each distinct request is validated once per quantity and remembered.
 */
final class FeasibilityCheck {
  private final RuleSet rules;
  private final ExtendedBackward engine;
  private final CurvatureProducts products;
  private final Extension transformExtension;
  private final Map<Quantity, Set<Object>> validated = new IdentityHashMap<>();
  private Boolean hessianAvailable;

  FeasibilityCheck(
      RuleSet rules,
      ExtendedBackward engine,
      CurvatureProducts products,
      Extension transformExtension) {
    this.rules = rules;
    this.engine = engine;
    this.products = products;
    this.transformExtension = transformExtension;
  }

  /** Fails with an {@link UnsupportedSettingException} when no rule serves the quantity's needs. */
  void check(Quantity quantity, Needs needs, Loss loss) {
    Set<Extension> requested = new LinkedHashSet<>(needs.extensions());
    if (!needs.transforms().isEmpty()) {
      requested.add(transformExtension);
    }
    Set<Object> done = validated.computeIfAbsent(quantity, unused -> new HashSet<>());
    if (!requested.isEmpty() && !done.contains(requested)) {
      try {
        engine.validate(ExtensionSet.of(requested));
      } catch (MissingRuleException e) {
        throw new UnsupportedSettingException(e.getMessage(), e);
      }
      boolean curvature = requested.stream().anyMatch(Extension::isCurvature);
      if (curvature && rules.lossDerivatives(loss.getClass()).isEmpty()) {
        throw new UnsupportedSettingException(
            "No loss derivatives for loss "
                + loss.type()
                + " ("
                + loss.getClass().getName()
                + "), needed by the curvature extensions "
                + requested);
      }
      done.add(Set.copyOf(requested));
    }
    if (needs.hessianProducts()) {
      if (hessianAvailable == null) {
        try {
          products.validate();
          hessianAvailable = rules.lossDerivatives(loss.getClass()).isPresent();
        } catch (MissingRuleException e) {
          hessianAvailable = false;
        }
      }
      if (!hessianAvailable) {
        throw new UnsupportedSettingException(
            "Hessian-vector products are not available for this model and loss: some layer has"
                + " no R-operator rule or the loss "
                + loss.type()
                + " has no derivatives");
      }
    }
  }
}
