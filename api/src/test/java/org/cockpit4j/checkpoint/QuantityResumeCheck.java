package org.cockpit4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.Supplier;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.extension.TinyNet;
import org.cockpit4j.extension.TinyNets;
import org.cockpit4j.log.OriginalLogFormat;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.tensor.TensorScope;

/**
 * The checkpoint check for a quantity that keeps state between steps (for built-in and plugin
 * quantities alike): a tiny net trained with Adam and a Cockpit tracking only that quantity is cut
 * after {@code cut} steps, its Cockpit, optimizer and parameters are saved, restored into new
 * objects and trained on; the log must equal the uninterrupted run's, bit for bit.
 */
public final class QuantityResumeCheck {
  private QuantityResumeCheck() {}

  /** A net, its optimizer and a Cockpit tracking one quantity. */
  private record Run(TinyNet net, Optimizer optimizer, Cockpit cockpit) {
    static Run create(Backend backend, Quantity quantity) {
      TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", backend);
      Cockpit cockpit = Cockpit.builder(net.model()).quantities(quantity).strict(true).build();
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

  /**
   * Fails unless a run of {@code steps} steps cut and restored after {@code cut} of them logs what
   * the uninterrupted run logs, and logs something under {@code key}.
   *
   * @param quantity makes a fresh quantity (one per run)
   */
  public static void assertResumedRunLogsTheSame(
      Backend backend, Supplier<Quantity> quantity, String key, int steps, int cut) {
    Run uninterrupted = Run.create(backend, quantity.get());
    uninterrupted.steps(0, steps);
    String expected = OriginalLogFormat.toJson(uninterrupted.cockpit().output());

    Run first = Run.create(backend, quantity.get());
    first.steps(0, cut);
    StateSnapshot snapshot =
        StateSnapshot.of(
            state -> {
              state.putState("cockpit", first.cockpit());
              state.putState("optimizer", first.optimizer());
              for (int i = 0; i < first.net().parameters().size(); i++) {
                state.putTensor("parameter_" + i, first.net().parameters().get(i).value());
              }
            });
    Run resumed = Run.create(backend, quantity.get());
    StateReader state = snapshot.reader(backend);
    for (int i = 0; i < resumed.net().parameters().size(); i++) {
      resumed.net().parameters().get(i).setValue(state.getTensor("parameter_" + i));
    }
    state.restoreState("optimizer", resumed.optimizer());
    state.restoreState("cockpit", resumed.cockpit());
    resumed.steps(cut, steps);

    assertFalse(resumed.cockpit().output().column(key).isEmpty(), key + " logged nothing");
    assertEquals(expected, OriginalLogFormat.toJson(resumed.cockpit().output()));
  }
}
