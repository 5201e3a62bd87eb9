package org.cockpit4j.examples.experiment.config;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" help for misspelt names: the known name closest in edit distance (Levenshtein,
 * case-insensitive, {@code -} and {@code _} treated alike).
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest of {@code known} to {@code given}, or null when none is close enough (distance at
   * most a third of the longer name, and at least one character in common per two).
   */
  public static String closest(String given, Collection<String> known) {
    if (given == null) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(normalize(given), normalize(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.max(2, Math.max(given.length(), best.length()) / 3);
    return bestDistance <= limit ? best : null;
  }

  /**
   * A sentence for an unknown {@code what} (e.g. "layer type"): the closest match if there is one,
   * then every known option.
   */
  public static String unknown(String what, String given, Collection<String> known) {
    StringBuilder text = new StringBuilder("unknown " + what + " '" + given + "'");
    String closest = closest(given, known);
    if (closest != null) {
      text.append("; did you mean '").append(closest).append("'?");
    } else {
      text.append('.');
    }
    text.append(known.isEmpty() ? " (none is known)" : " Known: " + String.join(", ", known));
    return text.toString();
  }

  /** The Levenshtein distance between two strings. */
  public static int distance(String first, String second) {
    int[] previous = new int[second.length() + 1];
    int[] current = new int[second.length() + 1];
    for (int j = 0; j <= second.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= first.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= second.length(); j++) {
        int substitution = first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[second.length()];
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace('-', '_');
  }
}
