package org.cockpit4j.train;

/**
 * The outcome of one {@link Trainer#run} call.
 *
 * @param stepsRun how many steps ran (fewer than asked when the batch source ran out)
 * @param lastLoss the mini-batch loss of the last step run, NaN if none ran
 * @param totalMilliseconds wall-clock time of all steps run
 */
public record TrainingSummary(int stepsRun, double lastLoss, double totalMilliseconds) {

  /** Average wall-clock time per step, NaN if none ran. */
  public double millisecondsPerStep() {
    return stepsRun == 0 ? Double.NaN : totalMilliseconds / stepsRun;
  }
}
