package org.cockpit4j.instruments.figure;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Tick labels with three significant digits: {@code 0.985}, {@code 1.2e+03}, {@code 1e-05}. */
final class CompactNumberFormat extends NumberFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
    return target.append(compact(number));
  }

  @Override
  public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
    return target.append(compact((double) number));
  }

  @Override
  public Number parse(String source, ParsePosition position) {
    position.setIndex(source.length());
    return Double.parseDouble(source);
  }

  static String compact(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : String.valueOf(value);
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e4) {
      String text = String.format(Locale.ROOT, "%.3g", value);
      if (text.contains(".")) {
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return text;
    }
    String text = String.format(Locale.ROOT, "%.2e", value);
    return text.replaceAll("\\.?0+e", "e");
  }
}
