package org.cockpit4j.quantity;

/**
 * A quantity whose value needs two steps, a start and an end (the original's {@code
 * TwoStepQuantity}: Distance, UpdateSize, Alpha). At a computing step the start part runs first (if
 * {@link #isStart}), then the end part (if {@link #isEnd}), whose value is stored under {@code step
 * − }{@link #saveShift()}. A step that is only a start stores nothing. Subclasses keep their own
 * caches and drop entries no longer needed.
 */
public abstract class TwoStepQuantity extends Quantity {

  /** A quantity tracked on {@code schedule}. */
  protected TwoStepQuantity(Schedule schedule) {
    super(schedule);
  }

  /** Whether {@code step} starts a measurement. */
  protected abstract boolean isStart(int step);

  /** Whether {@code step} ends a measurement. */
  protected abstract boolean isEnd(int step);

  /** How many steps before the end step the value is stored. */
  protected abstract int saveShift();

  @Override
  public final boolean shouldCompute(int step) {
    return isStart(step) || isEnd(step);
  }

  @Override
  public final Needs needs(StepInfo info) {
    Needs needs = Needs.none();
    if (isStart(info.step())) {
      needs = needs.union(startNeeds(info));
    }
    if (isEnd(info.step())) {
      needs = needs.union(endNeeds(info));
    }
    return needs;
  }

  /** What a start step needs (default: nothing). */
  protected Needs startNeeds(StepInfo info) {
    return Needs.none();
  }

  /** What an end step needs (default: nothing). */
  protected Needs endNeeds(StepInfo info) {
    return Needs.none();
  }

  /** The start part: caches what the end step needs. */
  protected abstract void start(TrackedStep step);

  /** The end part: the value for step {@code step − saveShift()}, or null for none. */
  protected abstract Object end(TrackedStep step);

  @Override
  public final QuantityOutput track(TrackedStep step) {
    int current = step.step();
    if (isStart(current)) {
      start(step);
    }
    if (isEnd(current)) {
      Object value = end(step);
      if (value != null) {
        return QuantityOutput.of(current - saveShift(), value);
      }
    }
    return null;
  }
}
