package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.checkpoint.CheckpointException;
import org.cockpit4j.checkpoint.StateSnapshot;
import org.junit.jupiter.api.Test;

/** Layer states: dropout's draw counter, through containers. */
class LayerStateTest {

  @Test
  void containersCarryTheirChildrensDropoutCounters() {
    StateSnapshot saved =
        StateSnapshot.of(
            state -> {
              StateWriterFixture.dropoutModel(4, 9).saveState(state);
            });
    Sequential restored = StateWriterFixture.dropoutModel(0, 0);
    restored.restoreState(saved.reader(null));
    assertEquals(4, ((Dropout) restored.layer(0)).forwardCount());
    Dropout inner = (Dropout) ((Residual) restored.layer(2)).inner();
    assertEquals(9, inner.forwardCount());
  }

  @Test
  void aModelWithOtherLayersOrSeedsIsRefused() {
    StateSnapshot saved = StateSnapshot.of(StateWriterFixture.dropoutModel(1, 1)::saveState);
    CheckpointException layers =
        assertThrows(
            CheckpointException.class,
            () -> new Sequential(new Dropout(0.5, 1)).restoreState(saved.reader(null)));
    assertTrue(layers.getMessage().contains("3 layers, this one 1"), layers.getMessage());
    CheckpointException seed =
        assertThrows(
            CheckpointException.class,
            () ->
                new Sequential(
                        new Dropout(0.5, 2), new Identity(), new Residual(new Dropout(0.1, 3)))
                    .restoreState(saved.reader(null)));
    assertTrue(seed.getMessage().contains("seed 1, this one 2"), seed.getMessage());
  }

  /** Builds models whose dropout layers have drawn a given number of times. */
  private static final class StateWriterFixture {
    static Sequential dropoutModel(int outerDraws, int innerDraws) {
      Dropout outer = new Dropout(0.5, 1);
      Dropout inner = new Dropout(0.1, 3);
      Sequential model = new Sequential(outer, new Identity(), new Residual(inner));
      StateSnapshot outerState = counter(outerDraws, 1);
      outer.restoreState(outerState.reader(null));
      inner.restoreState(counter(innerDraws, 3).reader(null));
      return model;
    }

    private static StateSnapshot counter(long draws, long seed) {
      return StateSnapshot.of(state -> state.putLong("forward_count", draws).putLong("seed", seed));
    }
  }
}
