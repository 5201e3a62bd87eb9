package org.cockpit4j.plugins.hessianspectrum;

import java.util.Map;
import java.util.Set;
import org.cockpit4j.quantity.OptionValues;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedule;

/**
 * Provides {@code HessianSpectrum} through the quantity SPI (options {@code probes}, {@code
 * lanczos_steps}, {@code grid_points}, {@code sigma_squared}, {@code overhead}, {@code seed});
 * listed in {@code META-INF/services/org.cockpit4j.quantity.QuantityProvider}.
 */
public final class HessianSpectrumProvider implements QuantityProvider {

  @Override
  public Set<String> names() {
    return Set.of(HessianSpectrum.NAME);
  }

  @Override
  public Quantity create(String name, Schedule schedule, Map<String, Object> options) {
    if (!HessianSpectrum.NAME.equals(name)) {
      throw new IllegalArgumentException(
          "Unknown quantity '" + name + "'; this provider knows " + names());
    }
    HessianSpectrum.Settings defaults = HessianSpectrum.Settings.defaults();
    OptionValues values = new OptionValues(name, options);
    HessianSpectrum.Settings settings =
        new HessianSpectrum.Settings(
            values.integer("probes", defaults.probes(), 1),
            values.integer("lanczos_steps", defaults.lanczosSteps(), 1),
            values.integer("grid_points", defaults.gridPoints(), 2),
            values.number("sigma_squared", defaults.sigmaSquared()),
            values.number("overhead", defaults.overhead()),
            values.integer("seed", (int) defaults.seed(), Integer.MIN_VALUE));
    values.requireAllRead();
    return new HessianSpectrum(schedule, settings);
  }
}
