package org.cockpit4j.extension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in extensions and their text form.
 *
 * <p>Text form: a name, optionally followed by options in parentheses: {@code batch_grad}, {@code
 * diag_ggn_mc(samples=4, seed=7)}. Names: {@code batch_grad}, {@code batch_l2}, {@code
 * sum_grad_squared}, {@code variance}, {@code batch_dot}, {@code diag_ggn_exact}, {@code
 * diag_ggn_mc} (options {@code samples}, default 1, and {@code seed}, default 0) and {@code
 * diag_h}. {@link Extension#toString()} gives this form back.
 */
public final class Extensions {
  /** Per-sample gradients. */
  public static final BatchGrad BATCH_GRAD = new BatchGrad();

  /** Per-sample squared gradient norms. */
  public static final BatchL2Grad BATCH_L2 = new BatchL2Grad();

  /** Sum of squared per-sample gradients. */
  public static final SumGradSquared SUM_GRAD_SQUARED = new SumGradSquared();

  /** Variance of the per-sample gradients. */
  public static final Variance VARIANCE = new Variance();

  /** Gram matrix of the per-sample gradients. */
  public static final BatchDot BATCH_DOT = new BatchDot();

  /** Exact GGN diagonal. */
  public static final DiagGgnExact DIAG_GGN_EXACT = new DiagGgnExact();

  /** Monte-Carlo GGN diagonal with one sample and seed 0. */
  public static final DiagGgnMonteCarlo DIAG_GGN_MC = new DiagGgnMonteCarlo();

  /** Exact Hessian diagonal. */
  public static final DiagHessian DIAG_HESSIAN = new DiagHessian();

  private static final Map<String, Function<Map<String, String>, Extension>> PARSERS =
      new LinkedHashMap<>();

  static {
    PARSERS.put(BatchGrad.NAME, options -> noOptions(BATCH_GRAD, options));
    PARSERS.put(BatchL2Grad.NAME, options -> noOptions(BATCH_L2, options));
    PARSERS.put(SumGradSquared.NAME, options -> noOptions(SUM_GRAD_SQUARED, options));
    PARSERS.put(Variance.NAME, options -> noOptions(VARIANCE, options));
    PARSERS.put(BatchDot.NAME, options -> noOptions(BATCH_DOT, options));
    PARSERS.put(DiagGgnExact.NAME, options -> noOptions(DIAG_GGN_EXACT, options));
    PARSERS.put(DiagGgnMonteCarlo.NAME, Extensions::monteCarlo);
    PARSERS.put(DiagHessian.NAME, options -> noOptions(DIAG_HESSIAN, options));
  }

  private Extensions() {}

  /** The built-in extension names, in a fixed order. */
  public static List<String> names() {
    return List.copyOf(PARSERS.keySet());
  }

  /** Every built-in extension with default options, in the order of {@link #names()}. */
  public static List<Extension> all() {
    return List.of(
        BATCH_GRAD,
        BATCH_L2,
        SUM_GRAD_SQUARED,
        VARIANCE,
        BATCH_DOT,
        DIAG_GGN_EXACT,
        DIAG_GGN_MC,
        DIAG_HESSIAN);
  }

  /** The first-order built-ins: batch_grad, batch_l2, sum_grad_squared, variance, batch_dot. */
  public static List<Extension> firstOrder() {
    return List.of(BATCH_GRAD, BATCH_L2, SUM_GRAD_SQUARED, VARIANCE, BATCH_DOT);
  }

  /**
   * Parses one extension, e.g. {@code diag_ggn_mc(samples=2, seed=5)}; fails naming the known
   * extensions for an unknown name, and the accepted options for an unknown option.
   */
  public static Extension parse(String text) {
    String trimmed = text.strip();
    String name = trimmed;
    Map<String, String> options = new LinkedHashMap<>();
    int open = trimmed.indexOf('(');
    if (open >= 0) {
      if (!trimmed.endsWith(")")) {
        throw new IllegalArgumentException(
            "Extension '"
                + text
                + "' opens '(' without closing it; write e.g. diag_ggn_mc(samples=2)");
      }
      name = trimmed.substring(0, open).strip();
      String inner = trimmed.substring(open + 1, trimmed.length() - 1).strip();
      if (!inner.isEmpty()) {
        for (String pair : inner.split(",")) {
          int equals = pair.indexOf('=');
          if (equals < 0) {
            throw new IllegalArgumentException(
                "Option '" + pair.strip() + "' of extension '" + text + "' is not key=value");
          }
          String key = pair.substring(0, equals).strip();
          if (options.put(key, pair.substring(equals + 1).strip()) != null) {
            throw new IllegalArgumentException(
                "Option '" + key + "' appears twice in extension '" + text + "'");
          }
        }
      }
    }
    Function<Map<String, String>, Extension> parser = PARSERS.get(name);
    if (parser == null) {
      throw new IllegalArgumentException(
          "Unknown extension '" + name + "'. Known extensions: " + String.join(", ", names()));
    }
    return parser.apply(options);
  }

  private static Extension noOptions(Extension extension, Map<String, String> options) {
    if (!options.isEmpty()) {
      throw new IllegalArgumentException(
          "Extension " + extension.name() + " takes no options, got " + options.keySet());
    }
    return extension;
  }

  private static Extension monteCarlo(Map<String, String> options) {
    Set<String> allowed = Set.of("samples", "seed");
    for (String key : options.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "Unknown option '"
                + key
                + "' of "
                + DiagGgnMonteCarlo.NAME
                + "; accepted options: samples, seed");
      }
    }
    try {
      int samples = Integer.parseInt(options.getOrDefault("samples", "1"));
      long seed = Long.parseLong(options.getOrDefault("seed", "0"));
      return new DiagGgnMonteCarlo(samples, seed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          DiagGgnMonteCarlo.NAME + " needs integer options samples and seed, got " + options, e);
    }
  }
}
