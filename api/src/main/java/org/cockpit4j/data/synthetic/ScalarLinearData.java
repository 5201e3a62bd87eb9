package org.cockpit4j.data.synthetic;

import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.tensor.Shape;

/**
 * Data for a deep scalar linear network {@code f(x) = w_L ··· w_2 w_1 x} (a chain of 1×1 linear
 * layers): inputs {@code x ~ N(0, 1)} and targets {@code y = a·x + σ·ε} with {@code ε ~ N(0, 1)},
 * both of shape {@code [1]}. Fitting it with MSE needs the product of the weights to reach a, a
 * classic example of a non-convex landscape with saddle points (all weights 0) and a valley of
 * minima.
 */
public final class ScalarLinearData {
  private static final long INPUT_STREAM = 1;
  private static final long NOISE_STREAM = 2;

  private ScalarLinearData() {}

  /**
   * {@code samples} pairs: {@code x_n = normal(mix(seed, 1), n)}, {@code y_n = slope·x_n +
   * noiseStd·normal(mix(seed, 2), n)}.
   */
  public static ArrayDataset create(int samples, double slope, double noiseStd, long seed) {
    if (samples <= 0 || noiseStd < 0) {
      throw new IllegalArgumentException(
          "Need samples > 0 and noiseStd >= 0, got " + samples + " and " + noiseStd);
    }
    long inputStream = CounterRandom.mix(seed, INPUT_STREAM);
    long noiseStream = CounterRandom.mix(seed, NOISE_STREAM);
    double[] inputs = new double[samples];
    double[] targets = new double[samples];
    for (int n = 0; n < samples; n++) {
      inputs[n] = CounterRandom.normal(inputStream, n);
      targets[n] = slope * inputs[n] + noiseStd * CounterRandom.normal(noiseStream, n);
    }
    return ArrayDataset.adopt(inputs, Shape.of(1), targets, Shape.of(1), 0);
  }
}
