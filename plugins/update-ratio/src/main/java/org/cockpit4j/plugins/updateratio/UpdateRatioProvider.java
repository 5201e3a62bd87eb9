package org.cockpit4j.plugins.updateratio;

import java.util.Map;
import java.util.Set;
import org.cockpit4j.quantity.OptionValues;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedule;

/**
 * Provides {@code UpdateRatio} (no options) through the quantity SPI; listed in {@code
 * META-INF/services/org.cockpit4j.quantity.QuantityProvider}.
 */
public final class UpdateRatioProvider implements QuantityProvider {

  @Override
  public Set<String> names() {
    return Set.of(UpdateRatio.NAME);
  }

  @Override
  public Quantity create(String name, Schedule schedule, Map<String, Object> options) {
    if (!UpdateRatio.NAME.equals(name)) {
      throw new IllegalArgumentException(
          "Unknown quantity '" + name + "'; this provider knows " + names());
    }
    new OptionValues(name, options).requireAllRead();
    return new UpdateRatio(schedule);
  }
}
