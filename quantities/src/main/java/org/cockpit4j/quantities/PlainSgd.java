package org.cockpit4j.quantities;

import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.UnsupportedSettingException;

/** The optimizer check of CABS and EarlyStopping (the original raises a ValueError). */
final class PlainSgd {
  /** The original's message. */
  static final String MESSAGE = "This criterion only supports zero-momentum SGD.";

  private PlainSgd() {}

  static void require(StepInfo info, String quantity) {
    if (!info.hasOptimizer()) {
      throw new UnsupportedSettingException(
          MESSAGE + " " + quantity + " got no optimizer; pass the optimizer to the Cockpit");
    }
    if (!info.isPlainSgd()) {
      throw new UnsupportedSettingException(
          MESSAGE
              + " "
              + quantity
              + " got "
              + info.optimizer().type()
              + " "
              + info.optimizer().hyperparameters());
    }
  }
}
