package org.cockpit4j.examples.experiment.config;

/**
 * What happens to every input value before training: {@code x ↦ scale·x + shift}. {@code scale:
 * 255} undoes the usual division of 8-bit pixels by 255 (the mis-scaled inputs of the paper's
 * experiment).
 *
 * @param scale factor, default 1
 * @param shift offset added after scaling, default 0
 */
public record PreprocessingConfig(Double scale, Double shift) {

  /** Fills the defaults. */
  public PreprocessingConfig {
    scale = scale == null ? 1.0 : scale;
    shift = shift == null ? 0.0 : shift;
  }

  /** No change. */
  public static PreprocessingConfig defaults() {
    return new PreprocessingConfig(null, null);
  }

  /** Whether the inputs are left as they are. */
  public boolean leavesInputsUnchanged() {
    return scale == 1.0 && shift == 0.0;
  }
}
