package org.cockpit4j.backend;

import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The executable form of the {@link Backend} contract: every primitive op against a brute-force
 * float64 twin, for both dtypes, plus the shape errors. A backend's test module subclasses it and
 * returns its backend from {@link #backend()}; the tests live in one interface per op family
 * ({@link CreationContract}, {@link ElementwiseContract}, {@link ReductionContract}, {@link
 * MovementContract}, {@link MatmulContract}, {@link ConvolutionContract}, {@link FusedOpsContract},
 * {@link RandomContract}, {@link LifetimeContract}).
 *
 * <p>Float32 results are compared with references computed in double from the float-rounded inputs,
 * with tolerance {@code 1e-5} relative to the magnitude of the terms involved; float64 results with
 * {@code 1e-12}.
 */
public abstract class BackendContractTest
    implements CreationContract,
        ElementwiseContract,
        ReductionContract,
        MovementContract,
        MatmulContract,
        ConvolutionContract,
        FusedOpsContract,
        RandomContract,
        LifetimeContract {

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }
}
