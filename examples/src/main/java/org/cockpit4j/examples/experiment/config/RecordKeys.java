package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The YAML keys of a configuration record: its component names in snake_case. */
public final class RecordKeys {
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private RecordKeys() {}

  /** The keys of {@code type}, in declaration order; empty for a non-record. */
  public static List<String> of(Class<?> type) {
    List<String> keys = new ArrayList<>();
    if (!type.isRecord()) {
      return keys;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
      keys.add(property != null ? property.value() : SNAKE.translate(component.getName()));
    }
    return keys;
  }
}
