package org.cockpit4j.plugins.noisescale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateSnapshot;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.extension.TinyNet;
import org.cockpit4j.extension.TinyNets;
import org.cockpit4j.log.OriginalLogFormat;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * GradientNoiseScale keeps state between steps: a run cut after two steps, saved, restored into new
 * objects and continued logs exactly the values of the uninterrupted run.
 */
class GradientNoiseScaleCheckpointTest {
  private static final Backend BACKEND = new CpuBackend(1);
  private static final int STEPS = 5;
  private static final int CUT = 2;

  /** A net, its optimizer and a Cockpit tracking only GradientNoiseScale. */
  private record Run(TinyNet net, Optimizer optimizer, Cockpit cockpit) {
    static Run create() {
      TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", BACKEND);
      Cockpit cockpit =
          Cockpit.builder(net.model())
              .quantities(new GradientNoiseScale(Schedules.everyStep(), 0.9))
              .strict(true)
              .build();
      return new Run(net, new Adam(net.parameters(), 0.01), cockpit);
    }

    void steps(int from, int to) {
      for (int step = from; step < to; step++) {
        try (TensorScope scope = TensorScope.open()) {
          LossValue value = net.forward();
          cockpit.backward(step, net.loss(), value, optimizer);
          optimizer.step();
          net.parameters().forEach(parameter -> parameter.setGradient(null));
        }
      }
    }
  }

  @Test
  void aRestoredRunLogsWhatTheUninterruptedOneLogs() {
    Run uninterrupted = Run.create();
    uninterrupted.steps(0, STEPS);
    String expected = OriginalLogFormat.toJson(uninterrupted.cockpit().output());

    Run first = Run.create();
    first.steps(0, CUT);
    StateSnapshot snapshot =
        StateSnapshot.of(
            state -> {
              state.putState("cockpit", first.cockpit());
              state.putState("optimizer", first.optimizer());
              for (int i = 0; i < first.net().parameters().size(); i++) {
                state.putTensor("parameter_" + i, first.net().parameters().get(i).value());
              }
            });
    Run resumed = Run.create();
    StateReader state = snapshot.reader(BACKEND);
    for (int i = 0; i < resumed.net().parameters().size(); i++) {
      resumed.net().parameters().get(i).setValue(state.getTensor("parameter_" + i));
    }
    state.restoreState("optimizer", resumed.optimizer());
    state.restoreState("cockpit", resumed.cockpit());
    resumed.steps(CUT, STEPS);

    assertFalse(resumed.cockpit().output().column("GradientNoiseScale").isEmpty());
    assertEquals(expected, OriginalLogFormat.toJson(resumed.cockpit().output()));
  }
}
