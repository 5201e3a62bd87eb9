package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.extension.ExtensionSet;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.ExtensionResult;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;

/**
 * What one tracked step's backward pass computes for all quantities due: the union of their
 * extensions, their per-sample transforms (each once, by identity) and whether Hessian-vector
 * products are needed. {@code batch_l2} is the diagonal of {@code batch_dot}: when both are due,
 * the pass computes only {@code batch_dot} and {@link #completeResults} derives {@code batch_l2}.
 */
final class MergedNeeds {
  private final ExtensionSet extensions;
  private final List<GradientTransform<?>> transforms;
  private final Map<GradientTransform<?>, String> owners;
  private final boolean hessianProducts;
  private final boolean squaredNormsFromGram;

  private MergedNeeds(
      ExtensionSet extensions,
      List<GradientTransform<?>> transforms,
      Map<GradientTransform<?>, String> owners,
      boolean hessianProducts,
      boolean squaredNormsFromGram) {
    this.extensions = extensions;
    this.transforms = transforms;
    this.owners = owners;
    this.hessianProducts = hessianProducts;
    this.squaredNormsFromGram = squaredNormsFromGram;
  }

  /**
   * Merges the needs of the {@code due} quantities; {@code transformExtension} is the extension
   * that runs the transforms, added when any is due.
   */
  static MergedNeeds of(Map<Quantity, Needs> due, Extension transformExtension) {
    Set<Extension> extensions = new LinkedHashSet<>();
    List<GradientTransform<?>> transforms = new ArrayList<>();
    Map<GradientTransform<?>, String> owners = new IdentityHashMap<>();
    boolean hessian = false;
    for (Map.Entry<Quantity, Needs> entry : due.entrySet()) {
      Needs needs = entry.getValue();
      extensions.addAll(needs.extensions());
      for (GradientTransform<?> transform : needs.transforms()) {
        if (owners.putIfAbsent(transform, entry.getKey().name()) == null) {
          transforms.add(transform);
        }
      }
      hessian |= needs.hessianProducts();
    }
    if (!transforms.isEmpty()) {
      extensions.add(transformExtension);
    }
    boolean fromGram =
        extensions.contains(Extensions.BATCH_DOT) && extensions.remove(Extensions.BATCH_L2);
    return new MergedNeeds(ExtensionSet.of(extensions), transforms, owners, hessian, fromGram);
  }

  /** The extensions the backward pass computes. */
  ExtensionSet extensions() {
    return extensions;
  }

  /** The per-sample transforms, each once, in the order first asked for. */
  List<GradientTransform<?>> transforms() {
    return transforms;
  }

  /** Which quantity asked for each transform (the first one, where several share it). */
  Map<GradientTransform<?>, String> transformOwners() {
    return owners;
  }

  /** Whether a quantity due needs Hessian-vector products. */
  boolean hessianProducts() {
    return hessianProducts;
  }

  /** Adds the results the pass did not compute itself ({@code batch_l2} from {@code batch_dot}). */
  void completeResults(Map<Extension, ExtensionResult> results, List<Parameter> parameters) {
    if (squaredNormsFromGram) {
      results.put(
          Extensions.BATCH_L2, gramDiagonals(results.get(Extensions.BATCH_DOT), parameters));
    }
  }

  /** {@code batch_l2} from {@code batch_dot}: per parameter the diagonal {@code M_nn = ‖G_n‖²}. */
  private static ExtensionResult gramDiagonals(ExtensionResult gram, List<Parameter> parameters) {
    double[][] diagonals = new double[parameters.size()][];
    for (int i = 0; i < diagonals.length; i++) {
      if (gram.has(i)) {
        double[] matrix = gram.parameter(i);
        int batch = (int) Math.round(Math.sqrt(matrix.length));
        double[] diagonal = new double[batch];
        for (int n = 0; n < batch; n++) {
          diagonal[n] = matrix[n * batch + n];
        }
        diagonals[i] = diagonal;
      }
    }
    return new ExtensionResult(Extensions.BATCH_L2, parameters, diagonals);
  }
}
