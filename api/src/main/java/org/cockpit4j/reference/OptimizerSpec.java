package org.cockpit4j.reference;

/**
 * The {@code optimizer} object, dispatched on its {@code type}: {@link Sgd} or {@link Adam}. Keys
 * missing from the file take PyTorch's defaults.
 */
public sealed interface OptimizerSpec permits OptimizerSpec.Sgd, OptimizerSpec.Adam {

  /** {@code sgd} or {@code adam}. */
  String type();

  /** Learning rate. */
  double lr();

  /** True for SGD without momentum (the only optimizer CABS, EarlyStopping accept). */
  default boolean isZeroMomentumSgd() {
    return this instanceof Sgd sgd && sgd.momentum() == 0.0;
  }

  /**
   * {@code torch.optim.SGD}.
   *
   * @param lr learning rate
   * @param momentum μ
   * @param dampening dampening of the momentum buffer
   * @param weightDecay L2 coefficient
   * @param nesterov Nesterov momentum
   */
  record Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov)
      implements OptimizerSpec {
    @Override
    public String type() {
      return "sgd";
    }
  }

  /**
   * {@code torch.optim.Adam}.
   *
   * @param lr learning rate
   * @param beta1 first-moment decay β1
   * @param beta2 second-moment decay β2
   * @param eps added to the denominator after bias correction
   * @param weightDecay L2 coefficient
   * @param amsgrad AMSGrad variant
   * @param maximize gradient ascent
   */
  record Adam(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize)
      implements OptimizerSpec {
    @Override
    public String type() {
      return "adam";
    }
  }

  /** Parses the optimizer object; an unknown type fails listing the known ones. */
  static OptimizerSpec parse(JsonCursor cursor) {
    JsonCursor typeCursor = cursor.field("type");
    String type = typeCursor.asString();
    double lr = cursor.field("lr").asDouble();
    switch (type) {
      case "sgd":
        return new Sgd(
            lr,
            number(cursor, "momentum", 0.0),
            number(cursor, "dampening", 0.0),
            number(cursor, "weight_decay", 0.0),
            bool(cursor, "nesterov", false));
      case "adam":
        double[] betas = cursor.field("betas").asDoubleArray();
        if (betas.length != 2) {
          throw cursor.field("betas").error("two numbers [β1, β2]");
        }
        return new Adam(
            lr,
            betas[0],
            betas[1],
            number(cursor, "eps", 1e-8),
            number(cursor, "weight_decay", 0.0),
            bool(cursor, "amsgrad", false),
            bool(cursor, "maximize", false));
      default:
        throw typeCursor.error("one of the optimizer types \"sgd\", \"adam\"");
    }
  }

  private static double number(JsonCursor cursor, String key, double defaultValue) {
    JsonCursor value = cursor.optionalField(key);
    return value == null ? defaultValue : value.asDouble();
  }

  private static boolean bool(JsonCursor cursor, String key, boolean defaultValue) {
    JsonCursor value = cursor.optionalField(key);
    return value == null ? defaultValue : value.asBoolean();
  }
}
