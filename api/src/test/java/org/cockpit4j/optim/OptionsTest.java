package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

  @Test
  void plainSgdIsCockpitsDefaultKeywordArgumentTest() {
    assertTrue(new Sgd(List.of(), 0.1).isPlain());
    assertTrue(new Sgd(List.of(), SgdOptions.of(0.1).withMomentum(1e-9)).isPlain());
    assertFalse(new Sgd(List.of(), SgdOptions.of(0.1).withMomentum(0.9)).isPlain());
    assertFalse(new Sgd(List.of(), SgdOptions.of(0.1).withWeightDecay(1e-4)).isPlain());
    assertFalse(new Sgd(List.of(), SgdOptions.of(0.1).withDampening(0.5)).isPlain());
  }

  @Test
  void hyperparametersUsePyTorchNamesAndTheCurrentRate() {
    Sgd sgd = new Sgd(List.of(), SgdOptions.of(0.1).withMomentum(0.9));
    sgd.setLearningRate(0.05);
    assertEquals(
        List.of("lr", "momentum", "dampening", "weight_decay", "nesterov"),
        List.copyOf(sgd.hyperparameters().keySet()));
    assertEquals(0.05, sgd.hyperparameters().get("lr"));
    Adam adam = new Adam(List.of(), AdamOptions.of(0.01));
    assertEquals(List.of(0.9, 0.999), adam.hyperparameters().get("betas"));
    assertEquals("adam", adam.type());
    assertEquals("sgd", sgd.type());
  }
}
