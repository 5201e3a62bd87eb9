package org.cockpit4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.LogValues;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.Configuration;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.train.Trainer;

/**
 * Replays a reference case (FORMAT.md) with the Cockpit: the case's model, initial parameters,
 * batches, loss and optimizer, driven by the {@link Trainer}, once with the main cockpit (the
 * quantities of {@code cockpit.quantities}: the {@code full} configuration plus MeanGSNR, CABS,
 * EarlyStopping, TICTrace and Parameters, every step) and once with the variant cockpit (§7.3:
 * HessTrace, TICDiag and TICTrace with {@code curvature="diag_ggn_exact"}, HessMaxEV with {@code
 * use_power=false}). The result holds per step the {@code {QuantityName: value}} maps in the JSON
 * shapes of the case's {@code steps[k].cockpit} and {@code cockpit_variants} (numpy arrays as
 * tensor objects, lists as lists), ready for comparison at FORMAT.md §8's tolerances.
 *
 * <pre>{@code
 * ReferenceCase reference = ReferenceReader.read(Path.of("case_mlp.json"));
 * ReferenceSetup setup = ReferenceSetup.create(reference, backend, DType.FLOAT64, registry);
 * ReferenceCockpitRun.Result result = ReferenceCockpitRun.run(setup);
 * JsonNode alpha = result.cockpit().get(0).get("Alpha");
 * }</pre>
 *
 * The quantities come from the {@link org.cockpit4j.quantity.QuantityProvider}s on the class path
 * (the {@code quantities} module).
 */
public final class ReferenceCockpitRun {
  /**
   * The main cockpit's quantities when a case does not list them (FORMAT.md §7): the {@code full}
   * configuration, then MeanGSNR, CABS, EarlyStopping, TICTrace and Parameters.
   */
  public static final List<String> MAIN_QUANTITIES =
      Stream.concat(
              Configuration.FULL.quantityNames().stream(),
              Stream.of("MeanGSNR", "CABS", "EarlyStopping", "TICTrace", "Parameters"))
          .toList();

  /**
   * The outcome of a replay.
   *
   * @param caseName the case's {@code case} field
   * @param cockpit per step k, the main cockpit's {@code {QuantityName: JSON value}}
   * @param variants per step k, the variant cockpit's values
   * @param extras per step k, additional log entries (e.g. {@code HessMaxEV_products}) of both
   *     runs, prefixed {@code variant.} for the variant run
   * @param refusedQuantities the main run's refused quantities with the reasons
   * @param refusedVariantQuantities the variant run's refused quantities
   * @param alphaUpdateDirection {@code sgd_gradient} or {@code parameter_difference}
   * @param finalParameters θ after all steps of the main run, per parameter
   * @param warnings the distinct warnings of both runs
   */
  public record Result(
      String caseName,
      List<Map<String, JsonNode>> cockpit,
      List<Map<String, JsonNode>> variants,
      List<Map<String, Object>> extras,
      Map<String, String> refusedQuantities,
      Map<String, String> refusedVariantQuantities,
      String alphaUpdateDirection,
      List<double[]> finalParameters,
      List<String> warnings) {}

  private ReferenceCockpitRun() {}

  /**
   * Replays the setup's case twice (main and variant cockpit), each time from the case's initial
   * parameters, in the setup's dtype.
   */
  public static Result run(ReferenceSetup setup) {
    ReferenceCase reference = setup.referenceCase();
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    Schedule everyStep = Schedules.linear(1, 0);
    Run main = replay(setup, mainQuantities(reference, everyStep), warnings);
    List<double[]> finalParameters = new ArrayList<>();
    for (Parameter parameter : setup.model().parameters()) {
      finalParameters.add(parameter.value().toDoubleArray());
    }
    Run variant = replay(setup, variantQuantities(everyStep), warnings);
    List<Map<String, Object>> extras = new ArrayList<>();
    for (int k = 0; k < reference.numSteps(); k++) {
      Map<String, Object> stepExtras = new LinkedHashMap<>(main.extras.get(k));
      variant.extras.get(k).forEach((key, value) -> stepExtras.put("variant." + key, value));
      extras.add(stepExtras);
    }
    return new Result(
        reference.name(),
        main.values,
        variant.values,
        extras,
        main.refused,
        variant.refused,
        reference.optimizer().isZeroMomentumSgd() ? "sgd_gradient" : "parameter_difference",
        finalParameters,
        List.copyOf(new LinkedHashSet<>(warnings)));
  }

  /**
   * The main cockpit's quantities with default options: {@link #MAIN_QUANTITIES} (the {@code full}
   * configuration plus MeanGSNR, CABS, EarlyStopping, TICTrace and Parameters), then any other name
   * the case lists in {@code cockpit.quantities} or {@code cockpit.refused_quantities} (the case's
   * list leaves out the quantities the original refused).
   */
  public static List<Quantity> mainQuantities(ReferenceCase reference, Schedule schedule) {
    LinkedHashSet<String> names = new LinkedHashSet<>(MAIN_QUANTITIES);
    names.addAll(reference.quantityNames());
    names.addAll(reference.refusedQuantities().keySet());
    List<Quantity> quantities = new ArrayList<>();
    for (String name : names) {
      quantities.add(Quantities.create(name, schedule));
    }
    return quantities;
  }

  /** The variant cockpit's quantities (FORMAT.md §7.3). */
  public static List<Quantity> variantQuantities(Schedule schedule) {
    Map<String, Object> ggn = Map.of("curvature", "diag_ggn_exact");
    return List.of(
        Quantities.create("HessTrace", schedule, ggn),
        Quantities.create("TICDiag", schedule, ggn),
        Quantities.create("TICTrace", schedule, ggn),
        Quantities.create("HessMaxEV", schedule, Map.of("use_power", false)));
  }

  private record Run(
      List<Map<String, JsonNode>> values,
      List<Map<String, Object>> extras,
      Map<String, String> refused) {}

  private static Run replay(
      ReferenceSetup setup, List<Quantity> quantities, List<String> warnings) {
    ReferenceCase reference = setup.referenceCase();
    Sequential model = setup.model();
    setup.resetParameters();
    List<String> names = new ArrayList<>();
    quantities.forEach(quantity -> names.add(quantity.name()));
    Loss loss = setup.loss();
    try (Optimizer optimizer = setup.optimizer();
        Cockpit cockpit =
            Cockpit.builder(model).quantities(quantities).warnings(warnings::add).build()) {
      Trainer trainer = new Trainer(model, loss, optimizer);
      cockpit.attachTo(trainer);
      trainer.run(setup::batch, reference.numSteps());
      CockpitLog output = cockpit.output();
      List<Map<String, JsonNode>> values = new ArrayList<>();
      List<Map<String, Object>> extras = new ArrayList<>();
      for (int k = 0; k < reference.numSteps(); k++) {
        Map<String, JsonNode> stepValues = new LinkedHashMap<>();
        Map<String, Object> stepExtras = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : output.values(k).entrySet()) {
          if (names.contains(entry.getKey())) {
            stepValues.put(entry.getKey(), LogValues.toReferenceJson(entry.getValue()));
          } else {
            stepExtras.put(entry.getKey(), entry.getValue());
          }
        }
        values.add(stepValues);
        extras.add(stepExtras);
      }
      return new Run(values, extras, new LinkedHashMap<>(cockpit.refusedQuantities()));
    }
  }
}
