package org.cockpit4j.plugins.noisescale;

import java.util.Map;
import java.util.Set;
import org.cockpit4j.quantity.OptionValues;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedule;

/**
 * Provides {@code GradientNoiseScale} (option {@code ema}, default 0.9) through the quantity SPI;
 * listed in {@code META-INF/services/org.cockpit4j.quantity.QuantityProvider}.
 */
public final class GradientNoiseScaleProvider implements QuantityProvider {

  @Override
  public Set<String> names() {
    return Set.of(GradientNoiseScale.NAME);
  }

  @Override
  public Quantity create(String name, Schedule schedule, Map<String, Object> options) {
    if (!GradientNoiseScale.NAME.equals(name)) {
      throw new IllegalArgumentException(
          "Unknown quantity '" + name + "'; this provider knows " + names());
    }
    OptionValues values = new OptionValues(name, options);
    double decay = values.number("ema", 0.9);
    values.requireAllRead();
    return new GradientNoiseScale(schedule, decay);
  }
}
