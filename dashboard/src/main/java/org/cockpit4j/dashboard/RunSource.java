package org.cockpit4j.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.Instruments;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Diagnosis;
import org.cockpit4j.instruments.diagnosis.Evidence;
import org.cockpit4j.instruments.diagnosis.Finding;
import org.cockpit4j.instruments.figure.CockpitFigure;
import org.cockpit4j.instruments.run.RunLog;

/**
 * One run shown by the dashboard: its log (tailed), the latest data, and the JSON state sent to
 * browsers (every gauge's view and the diagnosis), recomputed when new steps arrive.
 */
final class RunSource {
  private final int index;
  private final RunLog log;
  private final RunFiles files;
  private RunData data;
  private String state;

  RunSource(int index, Path path) {
    this.index = index;
    this.log = new RunLog(path);
    this.files = new RunFiles(path);
    this.data = log.snapshot();
    this.state = render(data);
  }

  int index() {
    return index;
  }

  String name() {
    return log.name();
  }

  RunFiles files() {
    return files;
  }

  /** Reads new steps; returns whether the state changed. */
  synchronized boolean update() {
    if (!log.refresh()) {
      return false;
    }
    data = log.snapshot();
    state = render(data);
    return true;
  }

  synchronized RunData data() {
    return data;
  }

  /** The state JSON: name, last step, gauges, diagnosis. */
  synchronized String state() {
    return state;
  }

  private String render(RunData run) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("index", index);
    root.put("name", run.name());
    root.put("title", CockpitFigure.title(run));
    root.put("lastStep", run.lastStep());
    root.put("version", log.version());
    root.put("label", Comparison.label(run));
    ArrayNode gauges = root.putArray("gauges");
    for (Instrument instrument : Instruments.all()) {
      gauges.add(GaugeJson.gauge(instrument.view(run)));
    }
    ArrayNode findings = root.putArray("diagnosis");
    for (Finding finding : Diagnosis.of(run).findings()) {
      ObjectNode node = findings.addObject();
      node.put("rule", finding.rule());
      node.put("severity", finding.severity().name());
      node.put("title", finding.title());
      node.put("message", finding.message());
      ArrayNode evidence = node.putArray("evidence");
      for (Evidence item : finding.evidence()) {
        evidence.add(item.describe());
      }
    }
    return root.toString();
  }
}
