package org.cockpit4j.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Cell;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.MarkColour;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instruments.figure.DataRange;

/**
 * Gauge views as JSON for the browser: the view model one to one ({@code kind} names the mark),
 * with each axis' range resolved as the figure resolves it, and non-finite numbers as null.
 */
final class GaugeJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GaugeJson() {}

  static ObjectNode gauge(GaugeView view) {
    ObjectNode node = NODES.objectNode();
    node.put("instrument", view.instrument());
    node.put("title", view.title());
    node.put("group", view.group().name());
    node.put("groupTitle", view.group().title());
    node.put("groupColour", view.group().colour().toCss());
    node.put("step", view.step());
    if (view.note() != null) {
      node.put("note", view.note());
    }
    node.set("rowWeights", numbers(view.rowWeights()));
    node.set("columnWeights", numbers(view.columnWeights()));
    ArrayNode plots = node.putArray("plots");
    for (PlotView plot : view.plots()) {
      plots.add(plot(plot));
    }
    return node;
  }

  private static ObjectNode plot(PlotView plot) {
    ObjectNode node = NODES.objectNode();
    Cell cell = plot.cell();
    ObjectNode where = node.putObject("cell");
    where.put("row", cell.row());
    where.put("column", cell.column());
    where.put("rowSpan", cell.rowSpan());
    where.put("columnSpan", cell.columnSpan());
    node.put("title", plot.title());
    if (plot.note() != null) {
      node.put("note", plot.note());
    }
    node.set("x", axis(plot.x(), DataRange.x(plot.x(), plot.marks())));
    node.set("y", axis(plot.y(), DataRange.y(plot.y(), plot.marks(), false)));
    if (plot.secondaryY() != null) {
      node.set("y2", axis(plot.secondaryY(), DataRange.y(plot.secondaryY(), plot.marks(), true)));
    }
    ArrayNode marks = node.putArray("marks");
    for (Mark mark : plot.marks()) {
      marks.add(mark(mark));
    }
    return node;
  }

  private static ObjectNode axis(Axis axis, double[] range) {
    ObjectNode node = NODES.objectNode();
    node.put("label", axis.label());
    node.put("scale", axis.scale().name().toLowerCase(java.util.Locale.ROOT));
    node.set("range", numbers(range));
    node.put("inverted", axis.inverted());
    node.put("threshold", axis.linearThreshold());
    node.put("integer", axis.integerTicks());
    return node;
  }

  private static ObjectNode mark(Mark mark) {
    ObjectNode node = NODES.objectNode();
    node.put("label", mark.label());
    if (mark instanceof Mark.Points points) {
      node.put("kind", "points");
      node.set("x", numbers(points.x()));
      node.set("y", numbers(points.y()));
      node.set("colour", colour(points.colour()));
      node.put("size", points.size());
      node.put("secondary", points.secondary());
    } else if (mark instanceof Mark.Line line) {
      node.put("kind", "line");
      node.set("x", numbers(line.x()));
      node.set("y", numbers(line.y()));
      node.set("colour", colour(line.colour()));
      node.put("width", line.width());
      node.put("dashed", line.dashed());
      node.put("secondary", line.secondary());
    } else if (mark instanceof Mark.Area area) {
      node.put("kind", "area");
      node.set("x", numbers(area.x()));
      node.set("y", numbers(area.y()));
      putNumber(node, "baseline", area.baseline());
      node.put("fill", area.fill().toCss());
      node.put("horizontal", area.horizontal());
    } else if (mark instanceof Mark.Bars bars) {
      node.put("kind", "bars");
      node.set("centres", numbers(bars.centres()));
      node.set("lengths", numbers(bars.lengths()));
      node.put("width", bars.width());
      node.put("fill", bars.fill().toCss());
      node.put("horizontal", bars.horizontal());
      node.put("secondary", bars.secondary());
    } else if (mark instanceof Mark.Band band) {
      node.put("kind", "band");
      node.put("horizontal", band.horizontal());
      putNumber(node, "lower", band.lower());
      putNumber(node, "upper", band.upper());
      node.put("fill", band.fill().toCss());
    } else if (mark instanceof Mark.Rule rule) {
      node.put("kind", "rule");
      node.put("horizontal", rule.horizontal());
      putNumber(node, "value", rule.value());
      node.put("colour", rule.colour().toCss());
      node.put("width", rule.width());
      node.put("dashed", rule.dashed());
    } else if (mark instanceof Mark.Polygon polygon) {
      node.put("kind", "polygon");
      node.set("x", numbers(polygon.x()));
      node.set("y", numbers(polygon.y()));
      if (polygon.fill() != null) {
        node.put("fill", polygon.fill().toCss());
      }
      if (polygon.outline() != null) {
        node.put("outline", polygon.outline().toCss());
      }
    } else if (mark instanceof Mark.HeatMap map) {
      node.put("kind", "heatmap");
      node.set("xEdges", numbers(map.xEdges()));
      node.set("yEdges", numbers(map.yEdges()));
      ArrayNode rows = node.putArray("values");
      for (double[] row : map.values()) {
        rows.add(numbers(row));
      }
      node.put("max", map.max());
      Colour colour = map.colour();
      node.put("colour", colour.toCss());
      ArrayNode rgb = node.putArray("rgb");
      rgb.add((int) Math.round(colour.red() * 255));
      rgb.add((int) Math.round(colour.green() * 255));
      rgb.add((int) Math.round(colour.blue() * 255));
    } else if (mark instanceof Mark.Text text) {
      node.put("kind", "text");
      putNumber(node, "x", text.x());
      putNumber(node, "y", text.y());
      node.put("text", text.text());
      node.put("colour", text.colour().toCss());
      node.put("align", text.align());
    }
    return node;
  }

  private static ObjectNode colour(MarkColour colour) {
    ObjectNode node = NODES.objectNode();
    if (colour.fixed() != null) {
      node.put("fixed", colour.fixed().toCss());
    } else {
      node.put("map", colour.map().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode stops = node.putArray("stops");
      for (int i = 0; i <= 8; i++) {
        stops.add(colour.map().at(i / 8.0).toCss());
      }
    }
    return node;
  }

  private static ArrayNode numbers(double[] values) {
    ArrayNode array = NODES.arrayNode();
    for (double value : values) {
      if (Double.isFinite(value)) {
        array.add(value);
      } else {
        array.addNull();
      }
    }
    return array;
  }

  private static void putNumber(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
