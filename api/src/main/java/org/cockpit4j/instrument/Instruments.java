package org.cockpit4j.instrument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the {@link Instrument}s on the class path. */
public final class Instruments {
  private Instruments() {}

  /**
   * Every instrument on the class path, ordered by group then {@link Instrument#order()}; the first
   * of several with one name wins.
   */
  public static List<Instrument> all() {
    Map<String, Instrument> byName = new LinkedHashMap<>();
    for (Instrument instrument :
        ServiceLoader.load(Instrument.class, Instruments.class.getClassLoader())) {
      byName.putIfAbsent(instrument.name(), instrument);
    }
    List<Instrument> sorted = new ArrayList<>(byName.values());
    sorted.sort(
        Comparator.comparing(Instrument::group)
            .thenComparingInt(Instrument::order)
            .thenComparing(Instrument::name));
    return sorted;
  }

  /** The instruments of {@code group}, in order. */
  public static List<Instrument> of(InstrumentGroup group) {
    return all().stream().filter(instrument -> instrument.group() == group).toList();
  }

  /**
   * The instrument named {@code name}.
   *
   * @throws IllegalArgumentException naming the known instruments when none has that name
   */
  public static Instrument named(String name) {
    List<Instrument> all = all();
    for (Instrument instrument : all) {
      if (instrument.name().equals(name)) {
        return instrument;
      }
    }
    throw new IllegalArgumentException(
        "No instrument named '"
            + name
            + "'; known: "
            + all.stream().map(Instrument::name).toList()
            + (all.isEmpty() ? " (put the cockpit4j-instruments jar on the class path)" : ""));
  }
}
