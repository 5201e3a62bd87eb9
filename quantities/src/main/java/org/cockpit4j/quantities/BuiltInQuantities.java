package org.cockpit4j.quantities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.cockpit4j.quantity.OptionValues;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedule;

/**
 * The original Cockpit's nineteen quantities under their class names, with the original's keyword
 * arguments as options:
 *
 * <ul>
 *   <li>{@code GradHist1d}: {@code bins} (100), {@code range} ([−2, 2]), {@code adapt} (a {@link
 *       BinAdaptation} or null);
 *   <li>{@code GradHist2d}: {@code bins} ([40, 50]), {@code range} ([[−1, 1], [−2, 2]]), {@code
 *       adapt} ([gradient, parameter] adaptations), {@code keep_individual} (false);
 *   <li>{@code HessTrace}: {@code curvature} ({@code diag_h}, {@code diag_ggn_exact}, {@code
 *       diag_ggn_mc}); {@code TICDiag}, {@code TICTrace}: {@code curvature}, {@code epsilon}
 *       (1e-7);
 *   <li>{@code HessMaxEV}: {@code use_power} (true: largest magnitude; false: largest), {@code
 *       tolerance} (1e-6), {@code max_products} (500), {@code seed} (0);
 *   <li>{@code EarlyStopping}, {@code MeanGSNR}: {@code epsilon} (1e-5).
 * </ul>
 *
 * {@code verbose} is accepted and ignored everywhere; any other option fails.
 */
public final class BuiltInQuantities implements QuantityProvider {
  private static final Map<String, BiFunction<Schedule, OptionValues, Quantity>> FACTORIES =
      new LinkedHashMap<>();

  static {
    FACTORIES.put("Loss", (schedule, options) -> new Loss(schedule));
    FACTORIES.put("Parameters", (schedule, options) -> new Parameters(schedule));
    FACTORIES.put("Distance", (schedule, options) -> new Distance(schedule));
    FACTORIES.put("UpdateSize", (schedule, options) -> new UpdateSize(schedule));
    FACTORIES.put("GradNorm", (schedule, options) -> new GradNorm(schedule));
    FACTORIES.put("Time", (schedule, options) -> new Time(schedule));
    FACTORIES.put("Alpha", (schedule, options) -> new Alpha(schedule));
    FACTORIES.put("CABS", (schedule, options) -> new CABS(schedule));
    FACTORIES.put(
        "EarlyStopping",
        (schedule, options) -> new EarlyStopping(schedule, options.number("epsilon", 1e-5)));
    FACTORIES.put("GradHist1d", BuiltInQuantities::gradHist1d);
    FACTORIES.put("GradHist2d", BuiltInQuantities::gradHist2d);
    FACTORIES.put("NormTest", (schedule, options) -> new NormTest(schedule));
    FACTORIES.put("InnerTest", (schedule, options) -> new InnerTest(schedule));
    FACTORIES.put("OrthoTest", (schedule, options) -> new OrthoTest(schedule));
    FACTORIES.put("HessMaxEV", BuiltInQuantities::hessMaxEv);
    FACTORIES.put("HessTrace", (schedule, options) -> new HessTrace(schedule, curvature(options)));
    FACTORIES.put(
        "TICDiag",
        (schedule, options) ->
            new TICDiag(schedule, curvature(options), options.number("epsilon", 1e-7)));
    FACTORIES.put(
        "TICTrace",
        (schedule, options) ->
            new TICTrace(schedule, curvature(options), options.number("epsilon", 1e-7)));
    FACTORIES.put(
        "MeanGSNR", (schedule, options) -> new MeanGSNR(schedule, options.number("epsilon", 1e-5)));
  }

  @Override
  public Set<String> names() {
    return FACTORIES.keySet();
  }

  @Override
  public Quantity create(String name, Schedule schedule, Map<String, Object> options) {
    BiFunction<Schedule, OptionValues, Quantity> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "Unknown quantity '" + name + "'; this provider knows " + FACTORIES.keySet());
    }
    OptionValues reader = new OptionValues(name, options);
    Quantity quantity = factory.apply(schedule, reader);
    reader.requireAllRead();
    return quantity;
  }

  private static Curvature curvature(OptionValues options) {
    return Curvature.of(options.string("curvature", "diag_h"));
  }

  private static Quantity hessMaxEv(Schedule schedule, OptionValues options) {
    return new HessMaxEV(
            schedule,
            options.bool("use_power", true),
            options.number("tolerance", 1e-6),
            options.integer("max_products", 500),
            (long) options.number("seed", 0))
        .withBasisSize(options.integer("basis_size", 0));
  }

  private static Quantity gradHist1d(Schedule schedule, OptionValues options) {
    double[] range = options.pair("range", new double[] {-2, 2});
    return new GradHist1d(
        schedule,
        options.integer("bins", 100),
        range[0],
        range[1],
        adaptation(options.raw("adapt"), options));
  }

  private static Quantity gradHist2d(Schedule schedule, OptionValues options) {
    int[] bins = {40, 50};
    List<Object> givenBins = options.list("bins", 2);
    if (givenBins != null) {
      for (int d = 0; d < 2; d++) {
        if (!(givenBins.get(d) instanceof Number number)) {
          throw options.wrong("bins", givenBins, "two integers [gradient, parameter]");
        }
        bins[d] = number.intValue();
      }
    }
    double[][] ranges = {{-1, 1}, {-2, 2}};
    List<Object> givenRanges = options.list("range", 2);
    if (givenRanges != null) {
      for (int d = 0; d < 2; d++) {
        double[] pair = OptionValues.numbers(givenRanges.get(d));
        if (pair == null || pair.length != 2) {
          throw options.wrong("range", givenRanges, "two pairs [[low, high], [low, high]]");
        }
        ranges[d] = pair;
      }
    }
    BinAdaptation[] adaptations = {BinAdaptation.none(), BinAdaptation.none()};
    List<Object> givenAdaptations = options.list("adapt", 2);
    if (givenAdaptations != null) {
      for (int d = 0; d < 2; d++) {
        adaptations[d] = adaptation(givenAdaptations.get(d), options);
      }
    }
    return new GradHist2d(
        schedule,
        bins,
        ranges,
        adaptations[0],
        adaptations[1],
        options.bool("keep_individual", false));
  }

  private static BinAdaptation adaptation(Object value, OptionValues options) {
    if (value == null) {
      return BinAdaptation.none();
    }
    if (value instanceof BinAdaptation adaptation) {
      return adaptation;
    }
    throw options.wrong(
        "adapt", value, "a BinAdaptation (GradAbsMax, ParamAbsMax) or null for a fixed range");
  }
}
