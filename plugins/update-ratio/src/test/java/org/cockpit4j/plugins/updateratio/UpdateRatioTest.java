package org.cockpit4j.plugins.updateratio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.extension.TinyNet;
import org.cockpit4j.extension.TinyNets;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/** UpdateRatio in a real Cockpit, against the ratios computed from copies of θ before and after. */
class UpdateRatioTest {
  private static final Backend BACKEND = new CpuBackend(1);

  @Test
  void ratiosMatchCopiesOfTheParametersAndAreStoredUnderTheStartStep() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", BACKEND);
    Cockpit cockpit =
        Cockpit.builder(net.model())
            .quantities(new UpdateRatio(Schedules.linear(2)))
            .strict(true)
            .build();
    Optimizer adam = new Adam(net.parameters(), 0.01);
    List<List<double[]>> thetas = new ArrayList<>();
    for (int step = 0; step < 5; step++) {
      thetas.add(net.parameterValues());
      try (TensorScope scope = TensorScope.open()) {
        LossValue value = net.forward();
        cockpit.backward(step, net.loss(), value, adam);
        adam.step();
        net.parameters().forEach(parameter -> parameter.setGradient(null));
      }
    }
    CockpitLog log = cockpit.output();
    assertEquals(List.of(0, 2), List.copyOf(log.column("UpdateRatio").keySet()));
    for (int step : new int[] {0, 2}) {
      @SuppressWarnings("unchecked")
      List<Double> ratios = (List<Double>) log.get(step, "UpdateRatio");
      assertEquals(net.parameters().size(), ratios.size());
      for (int p = 0; p < ratios.size(); p++) {
        double[] before = thetas.get(step).get(p);
        double[] after = thetas.get(step + 1).get(p);
        double update = 0;
        double norm = 0;
        for (int j = 0; j < before.length; j++) {
          update += (after[j] - before[j]) * (after[j] - before[j]);
          norm += before[j] * before[j];
        }
        double expected = Math.sqrt(update) / Math.sqrt(norm);
        assertEquals(expected, ratios.get(p), 1e-12 * Math.max(1, expected));
        assertTrue(ratios.get(p) > 0 && ratios.get(p) < 1, "Adam with lr 0.01 moves a little");
      }
    }
    cockpit.close();
  }

  @Test
  void lastScheduledStepHasNoValueAndOptionsAreRejected() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", BACKEND);
    Cockpit cockpit =
        Cockpit.builder(net.model())
            .quantities(new UpdateRatio(Schedules.everyStep()))
            .strict(true)
            .build();
    Optimizer adam = new Adam(net.parameters(), 0.01);
    for (int step = 0; step < 3; step++) {
      try (TensorScope scope = TensorScope.open()) {
        cockpit.backward(step, net.loss(), net.forward(), adam);
        adam.step();
        net.parameters().forEach(parameter -> parameter.setGradient(null));
      }
    }
    assertFalse(cockpit.output().column("UpdateRatio").containsKey(2));
    assertEquals(2, cockpit.output().column("UpdateRatio").size());
    cockpit.close();
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new UpdateRatioProvider()
                    .create("UpdateRatio", Schedules.everyStep(), Map.of("log10", true)));
    assertTrue(error.getMessage().contains("Unknown option 'log10'"), error.getMessage());
  }
}
