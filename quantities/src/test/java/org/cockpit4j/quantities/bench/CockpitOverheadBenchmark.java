package org.cockpit4j.quantities.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.data.Batch;
import org.cockpit4j.data.BatchIterator;
import org.cockpit4j.data.synthetic.RandomImages;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.models.Model;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.Trainer;

/**
 * Median milliseconds per training step, plain and with a Cockpit configuration (or a single
 * quantity), on a DeepOBS problem with random data, float32, batch 128. Not a test; run with {@code
 * java ... CockpitOverheadBenchmark mnist_mlp economy,business,full [steps] [warmup] [threads]}. A
 * configuration label may also be a quantity name (tracked alone).
 */
public final class CockpitOverheadBenchmark {
  private CockpitOverheadBenchmark() {}

  public static void main(String[] args) {
    String problem = args.length > 0 ? args[0] : "mnist_mlp";
    List<String> labels = List.of((args.length > 1 ? args[1] : "economy").split(","));
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    int interval = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    Backend backend = new CpuBackend(threads);
    for (String label : labels) {
      Setup plain = setup(backend, problem, null, interval);
      Setup tracked = setup(backend, problem, label, interval);
      for (int i = 0; i < warmup; i++) {
        plain.trainer.step(plain.source);
        tracked.trainer.step(tracked.source);
      }
      double[] plainTimes = new double[steps];
      double[] trackedTimes = new double[steps];
      long plainCpu = 0;
      long trackedCpu = 0;
      for (int i = 0; i < steps; i++) {
        long cpu = processCpuNanos();
        plainTimes[i] = plain.trainer.step(plain.source).stepMilliseconds();
        long middle = processCpuNanos();
        trackedTimes[i] = tracked.trainer.step(tracked.source).stepMilliseconds();
        long end = processCpuNanos();
        plainCpu += middle - cpu;
        trackedCpu += end - middle;
      }
      double plainMedian = median(plainTimes);
      double trackedMedian = median(trackedTimes);
      System.out.printf(
          "%s %s (interval %d): wall median plain %.1f ms, tracked %.1f ms = %.2fx;"
              + " process CPU per step plain %.1f ms, tracked %.1f ms = %.2fx%n",
          problem,
          label,
          interval,
          plainMedian,
          trackedMedian,
          trackedMedian / plainMedian,
          plainCpu / 1e6 / steps,
          trackedCpu / 1e6 / steps,
          (double) trackedCpu / plainCpu);
      plain.close();
      tracked.close();
    }
    backend.close();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private record Setup(Trainer trainer, BatchSource source, Cockpit cockpit, List<Batch> batches) {
    void close() {
      if (cockpit != null) {
        cockpit.close();
      }
      batches.forEach(Batch::close);
    }
  }

  private static Setup setup(Backend backend, String problem, String label, int interval) {
    Model model = Models.build(problem, DType.FLOAT32, backend, 0);
    int classes = model.outputShape().dim(0);
    var data = RandomImages.create(model.inputShape(), classes, 128 * 4, 1);
    BatchIterator iterator =
        BatchIterator.over(data)
            .batchSize(128)
            .backend(backend)
            .dtype(DType.FLOAT32)
            .seed(0)
            .shuffle(false)
            .build();
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batches.add(iterator.next());
    }
    Trainer trainer =
        new Trainer(
            model.network(), new CrossEntropyLoss(), new Sgd(model.network().parameters(), 0.01));
    Cockpit cockpit = null;
    if (label != null) {
      List<Quantity> quantities;
      if (List.of("economy", "business", "full").contains(label)) {
        quantities = Quantities.configuration(label, Schedules.linear(interval));
      } else {
        quantities = new ArrayList<>();
        for (String name : label.split("\\+")) {
          quantities.add(Quantities.create(name, Schedules.linear(interval)));
        }
      }
      cockpit = Cockpit.builder(model.network()).quantities(quantities).build();
      cockpit.attachTo(trainer);
    }
    return new Setup(trainer, BatchSource.cycling(batches), cockpit, batches);
  }
}
