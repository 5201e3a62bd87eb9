package org.cockpit4j.quantities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.cockpit.TinyProblem;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.quantity.UnsupportedSettingException;
import org.cockpit4j.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The original's test_quantity_integration: every quantity on {@code linear(1, offset=2)} over five
 * steps stores values under exactly {2, 3, 4} (single-step quantities and Distance) or {2, 3}
 * (Alpha and UpdateSize); and with Adam, CABS and EarlyStopping are refused while the rest run.
 */
class StoredKeysIntegrationTest {
  private static final Set<String> TWO_STEP = Set.of("Alpha", "UpdateSize");

  private static List<Quantity> everyQuantity() {
    List<Quantity> quantities = new ArrayList<>();
    for (String name : Quantities.names()) {
      quantities.add(Quantities.create(name, Schedules.linear(1, 2)));
    }
    return quantities;
  }

  @Test
  void storedKeysFollowTheStepSemantics() {
    TinyProblem problem = new TinyProblem(TwinRun.BACKEND, 5);
    Sequential model = problem.model();
    List<Quantity> quantities = everyQuantity();
    assertEquals(19, quantities.size());
    try (Cockpit cockpit = Cockpit.builder(model).quantities(quantities).strict(true).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 5);
      for (Quantity quantity : quantities) {
        Set<Integer> expected = TWO_STEP.contains(quantity.name()) ? Set.of(2, 3) : Set.of(2, 3, 4);
        assertEquals(
            new TreeSet<>(expected),
            new TreeSet<>(cockpit.output().column(quantity.name()).keySet()),
            quantity.name());
      }
      assertEquals(Set.of(2, 3, 4), cockpit.output().column(HessMaxEV.PRODUCTS_KEY).keySet());
    }
  }

  @Test
  void withAdamCabsAndEarlyStoppingAreRefusedAndTheRestRuns() {
    TinyProblem problem = new TinyProblem(TwinRun.BACKEND, 5);
    Sequential model = problem.model();
    List<Quantity> quantities = everyQuantity();
    List<String> warnings = new ArrayList<>();
    try (Cockpit cockpit =
        Cockpit.builder(model).quantities(quantities).warnings(warnings::add).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Adam(model.parameters(), 0.01));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 5);
      assertEquals(Set.of("CABS", "EarlyStopping"), cockpit.refusedQuantities().keySet());
      assertTrue(
          cockpit.refusedQuantities().get("CABS").startsWith(PlainSgd.MESSAGE),
          cockpit.refusedQuantities().toString());
      assertEquals(2, warnings.size(), warnings.toString());
      assertEquals(Set.of(2, 3), cockpit.output().column("Alpha").keySet());
      assertTrue(cockpit.output().column("CABS").isEmpty());
    }
    Sequential strictModel = problem.model();
    try (Cockpit strict =
        Cockpit.builder(strictModel).quantities(everyQuantity()).strict(true).build()) {
      Trainer trainer =
          new Trainer(strictModel, problem.loss(), new Adam(strictModel.parameters(), 0.01));
      strict.attachTo(trainer);
      assertThrows(UnsupportedSettingException.class, () -> trainer.run(problem::batch, 5));
    }
  }
}
