package org.cockpit4j.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulesTest {

  private static List<Integer> hits(Schedule schedule, int steps) {
    List<Integer> hits = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      if (schedule.test(step)) {
        hits.add(step);
      }
    }
    return hits;
  }

  @Test
  void linearHitsEveryIntervalFromTheOffsetOverAHundredSteps() {
    for (int interval = 1; interval <= 3; interval++) {
      for (int offset : new int[] {0, 1, 2, -1}) {
        List<Integer> expected = new ArrayList<>();
        for (int step = 0; step < 100; step++) {
          if (step - offset >= 0 && (step - offset) % interval == 0) {
            expected.add(step);
          }
        }
        assertEquals(
            expected,
            hits(Schedules.linear(interval, offset), 100),
            "interval " + interval + ", offset " + offset);
      }
    }
  }

  @Test
  void negativeOffsetFirstHitsAtIntervalPlusOffset() {
    assertEquals(List.of(2, 5, 8), hits(Schedules.linear(3, -1), 10));
    assertEquals(2, hits(Schedules.linear(3, -1), 100).get(0));
    assertTrue(Schedules.linear(1, -1).test(-1), "the original's quirk: linear(1,-1)(-1) is true");
    assertEquals(List.of(0, 1, 2), hits(Schedules.linear(1, -1), 3));
  }

  @Test
  void logarithmicMatchesTorchLogspaceIntegers() {
    assertEquals(List.of(1, 2, 4, 10), hits(Schedules.logarithmic(0, 1, 4, 10, false), 100));
    assertEquals(List.of(0, 1, 2, 4, 10), hits(Schedules.logarithmic(0, 1, 4, 10, true), 100));
    List<Integer> defaults = hits(Schedules.logarithmic(0, 3), 1001);
    assertEquals(0, defaults.get(0));
    assertTrue(defaults.contains(1) && defaults.contains(1000), defaults.toString());
    assertEquals(List.of(100), hits(Schedules.logarithmic(2, 5, 1, 10, false), 200));
    assertEquals(List.of(1, 2, 4, 8), hits(Schedules.logarithmic(0, 3, 4, 2, false), 20));
  }

  @Test
  void linearRejectsANonPositiveInterval() {
    assertThrows(IllegalArgumentException.class, () -> Schedules.linear(0, 0));
    assertThrows(IllegalArgumentException.class, () -> Schedules.logarithmic(0, 1, 0, 10, true));
  }

  @Test
  void schedulesDescribeThemselves() {
    assertEquals("linear(interval=2, offset=1)", Schedules.linear(2, 1).toString());
    assertFalse(Schedules.linear(2, 1).test(0));
    assertEquals(Schedules.everyStep(), Schedules.linear(1, 0));
  }
}
