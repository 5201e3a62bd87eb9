package org.cockpit4j.instruments.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.cockpit4j.instrument.RunData;

/**
 * The findings of every {@link DiagnosisRule} on the class path for one run, most severe first;
 * written to a run directory as {@code diagnosis.json} and {@code diagnosis.txt}.
 *
 * <pre>{@code
 * Diagnosis diagnosis = Diagnosis.of(run);
 * diagnosis.findings().forEach(f -> System.out.println(f.headline()));
 * diagnosis.writeTo(runDirectory);
 * }</pre>
 */
public final class Diagnosis {
  /** File name of the JSON report. */
  public static final String JSON_FILE = "diagnosis.json";

  /** File name of the text report. */
  public static final String TEXT_FILE = "diagnosis.txt";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String run;
  private final int lastStep;
  private final List<String> rules;
  private final List<Finding> findings;

  private Diagnosis(String run, int lastStep, List<String> rules, List<Finding> findings) {
    this.run = run;
    this.lastStep = lastStep;
    this.rules = List.copyOf(rules);
    this.findings = List.copyOf(findings);
  }

  /** The rules on the class path, in ServiceLoader order. */
  public static List<DiagnosisRule> rules() {
    List<DiagnosisRule> rules = new ArrayList<>();
    ServiceLoader.load(DiagnosisRule.class, Diagnosis.class.getClassLoader()).forEach(rules::add);
    return rules;
  }

  /** Runs every rule on {@code run}; a rule that fails reports an INFO finding instead. */
  public static Diagnosis of(RunData run) {
    return of(run, rules());
  }

  /** Runs {@code rules} on {@code run}. */
  public static Diagnosis of(RunData run, List<DiagnosisRule> rules) {
    List<Finding> findings = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (DiagnosisRule rule : rules) {
      ids.add(rule.id());
      try {
        findings.addAll(rule.examine(run));
      } catch (RuntimeException e) {
        findings.add(
            new Finding(
                rule.id(),
                Severity.INFO,
                "Rule " + rule.id() + " could not run: " + e,
                "The log has a form the rule does not expect; the other findings stand.",
                List.of()));
      }
    }
    findings.sort(Comparator.comparing(Finding::severity));
    return new Diagnosis(run.name(), run.lastStep(), ids, findings);
  }

  /** The findings, most severe first. */
  public List<Finding> findings() {
    return findings;
  }

  /** The ids of the rules that ran. */
  public List<String> ruleIds() {
    return rules;
  }

  /** The run's name. */
  public String run() {
    return run;
  }

  /** The last logged step examined, or -1. */
  public int lastStep() {
    return lastStep;
  }

  /** The report as JSON: run, last step, rules, findings with their facts and evidence. */
  public ObjectNode toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("run", run);
    root.put("last_step", lastStep);
    ArrayNode ruleArray = root.putArray("rules");
    rules.forEach(ruleArray::add);
    ArrayNode array = root.putArray("findings");
    for (Finding finding : findings) {
      ObjectNode node = array.addObject();
      node.put("rule", finding.rule());
      node.put("severity", finding.severity().name());
      node.put("title", finding.title());
      node.put("message", finding.message());
      finding.facts().forEach((key, value) -> node.set(key, MAPPER.valueToTree(value)));
      ArrayNode evidence = node.putArray("evidence");
      for (Evidence item : finding.evidence()) {
        ObjectNode entry = evidence.addObject();
        if (item.step() >= 0) {
          entry.put("step", item.step());
        }
        entry.put("quantity", item.quantity());
        if (Double.isFinite(item.value())) {
          entry.put("value", item.value());
        } else {
          entry.put("value", Evidence.format(item.value()));
        }
        if (item.layer() != null) {
          entry.put("layer", item.layer());
        }
        entry.put("note", item.note());
      }
    }
    return root;
  }

  /** The report as text, one finding per paragraph. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("Cockpit diagnosis of ")
        .append(run)
        .append(" (up to step ")
        .append(lastStep)
        .append(", rules: ")
        .append(String.join(", ", rules))
        .append(")\n\n");
    if (findings.isEmpty()) {
      text.append("No findings.\n");
    }
    for (Finding finding : findings) {
      text.append(finding.headline()).append('\n');
      text.append("  ").append(finding.message()).append('\n');
      for (Evidence item : finding.evidence()) {
        text.append("  - ").append(item.describe()).append('\n');
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * Writes {@value #JSON_FILE} and {@value #TEXT_FILE} into {@code directory} (atomically each).
   */
  public void writeTo(Path directory) {
    writeTo(directory, "");
  }

  /**
   * Writes {@code prefix + "diagnosis.json"} and {@code prefix + "diagnosis.txt"} into {@code
   * directory}, e.g. with the prefix {@code case_mlp.} for several logs in one directory.
   */
  public void writeTo(Path directory, String prefix) {
    try {
      Files.createDirectories(directory);
      write(directory.resolve(prefix + JSON_FILE), MAPPER.writeValueAsString(toJson()) + "\n");
      write(directory.resolve(prefix + TEXT_FILE), toText());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the diagnosis into " + directory, e);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String toString() {
    return "Diagnosis[" + run + ", " + findings.size() + " findings]";
  }
}
