package org.cockpit4j.instrument;

import java.util.List;

/**
 * The typed log keys of the built-in quantities (names as the original's class names) and of the
 * values {@code Cockpit.log}/{@code Cockpit.record} writes (performance and hyperparameters).
 */
public final class OutputKeys {
  private OutputKeys() {}

  /** Mini-batch loss L. */
  public static final OutputKey<Double> LOSS = scalar("Loss");

  /** Normalised step length α (stored under the start step). */
  public static final OutputKey<Double> ALPHA = scalar("Alpha");

  /** ‖θ_t − θ_0‖ per parameter. */
  public static final OutputKey<PerParameter> DISTANCE = perParameter("Distance");

  /** ‖θ_{t+1} − θ_t‖ per parameter (stored under t). */
  public static final OutputKey<PerParameter> UPDATE_SIZE = perParameter("UpdateSize");

  /** ‖g‖ per parameter. */
  public static final OutputKey<PerParameter> GRAD_NORM = perParameter("GradNorm");

  /** Norm test. */
  public static final OutputKey<Double> NORM_TEST = scalar("NormTest");

  /** Inner-product test. */
  public static final OutputKey<Double> INNER_TEST = scalar("InnerTest");

  /** Orthogonality test. */
  public static final OutputKey<Double> ORTHO_TEST = scalar("OrthoTest");

  /** Histogram of per-sample gradient elements. */
  public static final OutputKey<Histogram1d> GRAD_HIST_1D =
      OutputKey.of("GradHist1d", Histogram1d.class, Histogram1d::fromLog);

  /** Histogram of (gradient element, parameter element) pairs. */
  public static final OutputKey<Histogram2d> GRAD_HIST_2D =
      OutputKey.of("GradHist2d", Histogram2d.class, Histogram2d::fromLog);

  /** Largest-magnitude Hessian eigenvalue. */
  public static final OutputKey<Double> HESS_MAX_EV = scalar("HessMaxEV");

  /** Hessian trace per parameter. */
  public static final OutputKey<PerParameter> HESS_TRACE = perParameter("HessTrace");

  /** Takeuchi information criterion, diagonal approximation. */
  public static final OutputKey<Double> TIC_DIAG = scalar("TICDiag");

  /** Takeuchi information criterion, trace approximation. */
  public static final OutputKey<Double> TIC_TRACE = scalar("TICTrace");

  /** Mean gradient signal-to-noise ratio. */
  public static final OutputKey<Double> MEAN_GSNR = scalar("MeanGSNR");

  /** Coupled adaptive batch size. */
  public static final OutputKey<Double> CABS = scalar("CABS");

  /** Evidence-based early-stopping criterion. */
  public static final OutputKey<Double> EARLY_STOPPING = scalar("EarlyStopping");

  /** Wall-clock seconds at tracking. */
  public static final OutputKey<Double> TIME = scalar("Time");

  /** Learning rate ({@code Cockpit.log}). */
  public static final OutputKey<Double> LEARNING_RATE = scalar("learning_rate");

  /** Training loss over an evaluation set ({@code Cockpit.log}). */
  public static final OutputKey<Double> TRAIN_LOSS = scalar("train_loss");

  /** Validation loss ({@code Cockpit.log}). */
  public static final OutputKey<Double> VALID_LOSS = scalar("valid_loss");

  /** Training accuracy in [0, 1] ({@code Cockpit.log}). */
  public static final OutputKey<Double> TRAIN_ACCURACY = scalar("train_accuracy");

  /** Validation accuracy in [0, 1] ({@code Cockpit.log}). */
  public static final OutputKey<Double> VALID_ACCURACY = scalar("valid_accuracy");

  /** Every key above. */
  public static List<OutputKey<?>> all() {
    return List.of(
        LOSS,
        ALPHA,
        DISTANCE,
        UPDATE_SIZE,
        GRAD_NORM,
        NORM_TEST,
        INNER_TEST,
        ORTHO_TEST,
        GRAD_HIST_1D,
        GRAD_HIST_2D,
        HESS_MAX_EV,
        HESS_TRACE,
        TIC_DIAG,
        TIC_TRACE,
        MEAN_GSNR,
        CABS,
        EARLY_STOPPING,
        TIME,
        LEARNING_RATE,
        TRAIN_LOSS,
        VALID_LOSS,
        TRAIN_ACCURACY,
        VALID_ACCURACY);
  }

  /** A key whose value is one number. */
  public static OutputKey<Double> scalar(String name) {
    return OutputKey.of(
        name,
        Double.class,
        raw -> raw instanceof Number number ? Double.valueOf(number.doubleValue()) : null);
  }

  /** A key whose value is a per-parameter list of numbers. */
  public static OutputKey<PerParameter> perParameter(String name) {
    return OutputKey.of(name, PerParameter.class, PerParameter::fromLog);
  }
}
