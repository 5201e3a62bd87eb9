package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Defaults and checks of {@link SgdOptions} and {@link AdamOptions}, as in PyTorch 1.13. */
class OptionsTest {

  @Test
  void sgdDefaults() {
    assertEquals(new SgdOptions(0.1, 0, 0, 0, false), SgdOptions.of(0.1));
  }

  @Test
  void adamDefaults() {
    assertEquals(new AdamOptions(0.01, 0.9, 0.999, 1e-8, 0), AdamOptions.of(0.01));
  }

  @Test
  void sgdRejectsWhatPyTorchRejects() {
    assertThrows(IllegalArgumentException.class, () -> SgdOptions.of(-0.1));
    assertThrows(IllegalArgumentException.class, () -> SgdOptions.of(0.1).withMomentum(-0.5));
    assertThrows(IllegalArgumentException.class, () -> SgdOptions.of(0.1).withWeightDecay(-1));
    assertThrows(IllegalArgumentException.class, () -> SgdOptions.of(0.1).withNesterov(true));
    assertThrows(
        IllegalArgumentException.class,
        () -> SgdOptions.of(0.1).withMomentum(0.9).withDampening(0.1).withNesterov(true));
  }

  @Test
  void adamRejectsWhatPyTorchRejects() {
    assertThrows(IllegalArgumentException.class, () -> AdamOptions.of(-0.1));
    assertThrows(IllegalArgumentException.class, () -> AdamOptions.of(0.1).withBetas(1.0, 0.9));
    assertThrows(IllegalArgumentException.class, () -> AdamOptions.of(0.1).withBetas(0.9, -0.1));
    assertThrows(IllegalArgumentException.class, () -> AdamOptions.of(0.1).withEpsilon(-1e-8));
    assertThrows(IllegalArgumentException.class, () -> AdamOptions.of(0.1).withWeightDecay(-1));
  }
}
