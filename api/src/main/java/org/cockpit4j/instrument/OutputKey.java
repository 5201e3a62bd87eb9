package org.cockpit4j.instrument;

import java.util.Objects;
import java.util.function.Function;

/**
 * A typed key into a Cockpit log: the log name of a quantity's output (the original's class name,
 * e.g. {@code Alpha}, or a name {@code Cockpit.log} writes, e.g. {@code learning_rate}) and how to
 * turn the stored value into a typed Java value. Instruments name the keys they read instead of raw
 * strings; {@link OutputKeys} holds the built-in ones.
 *
 * @param <T> the decoded type
 */
public final class OutputKey<T> {
  private final String name;
  private final Class<T> type;
  private final Function<Object, T> decoder;

  private OutputKey(String name, Class<T> type, Function<Object, T> decoder) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An output key needs a non-blank log name");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
  }

  /**
   * A key named {@code name} whose values {@code decoder} turns into {@code type}; the decoder
   * returns null (or throws {@link IllegalArgumentException}) for values it cannot read, which
   * instruments then skip.
   */
  public static <T> OutputKey<T> of(String name, Class<T> type, Function<Object, T> decoder) {
    return new OutputKey<>(name, type, decoder);
  }

  /** The log name. */
  public String name() {
    return name;
  }

  /** The decoded type. */
  public Class<T> type() {
    return type;
  }

  /** The typed value of a raw log value, or null when it has another form. */
  public T decode(Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      return decoder.apply(raw);
    } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutputKey<?> that && name.equals(that.name) && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
