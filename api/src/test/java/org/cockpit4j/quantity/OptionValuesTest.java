package org.cockpit4j.quantity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed option reading: values, defaults, wrong types and unknown keys, named in the message. */
class OptionValuesTest {

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void readsEachTypeAndFallsBackToDefaults() {
    OptionValues options =
        new OptionValues(
            "GradHist1d",
            map(
                "bins",
                40,
                "range",
                List.of(-1, 2.5),
                "curvature",
                "diag_ggn_exact",
                "keep_individual",
                true,
                "epsilon",
                1e-3,
                "adapt",
                List.of("a", "b")));
    assertEquals(40, options.integer("bins", 100));
    assertArrayEquals(new double[] {-1, 2.5}, options.pair("range", null), 0.0);
    assertEquals("diag_ggn_exact", options.string("curvature", "diag_h"));
    assertTrue(options.bool("keep_individual", false));
    assertEquals(1e-3, options.number("epsilon", 0), 0.0);
    assertEquals(List.of("a", "b"), options.list("adapt", 2));
    assertEquals(7, options.integer("missing", 7, 1));
    assertFalse(options.has("absent"));
    assertNull(options.list("absent_list", 2));
    options.requireAllRead();
  }

  @Test
  void wrongTypesNameTheQuantityTheKeyAndWhatIsAccepted() {
    OptionValues options =
        new OptionValues(
            "HessMaxEV", map("tolerance", "small", "max_products", 2.5, "range", List.of(1)));
    IllegalArgumentException number =
        assertThrows(IllegalArgumentException.class, () -> options.number("tolerance", 1e-6));
    assertEquals(
        "Option 'tolerance' of HessMaxEV must be a finite number, got small", number.getMessage());
    IllegalArgumentException integer =
        assertThrows(IllegalArgumentException.class, () -> options.integer("max_products", 500));
    assertTrue(integer.getMessage().contains("must be an integer"), integer.getMessage());
    IllegalArgumentException pair =
        assertThrows(IllegalArgumentException.class, () -> options.pair("range", null));
    assertTrue(pair.getMessage().contains("[low, high]"), pair.getMessage());
  }

  @Test
  void anUnreadOptionFailsWithTheAcceptedOnesButVerboseIsIgnored() {
    OptionValues options = new OptionValues("Alpha", map("verbose", true, "bin", 3));
    options.integer("bins", 100);
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, options::requireAllRead);
    assertEquals("Unknown option 'bin' of Alpha; accepted options: [bins]", unknown.getMessage());
  }

  @Test
  void numbersAcceptListsAndArraysOnly() {
    assertArrayEquals(new double[] {1, 2}, OptionValues.numbers(new int[] {1, 2}), 0.0);
    assertArrayEquals(new double[] {0.5}, OptionValues.numbers(List.of(0.5)), 0.0);
    assertNull(OptionValues.numbers(List.of("x")));
    assertNull(OptionValues.numbers("1, 2"));
  }
}
