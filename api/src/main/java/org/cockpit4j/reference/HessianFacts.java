package org.cockpit4j.reference;

/**
 * {@code steps[k].hessian}: facts of the exact D×D Hessian of L at θ_k.
 *
 * @param dim D, the number of parameters
 * @param trace tr(H)
 * @param eigMax largest eigenvalue
 * @param eigMin smallest eigenvalue
 * @param eigAbsMax the eigenvalue of largest magnitude (signed)
 * @param eigSecondAbs magnitude of the eigenvalue with the second largest magnitude
 * @param frobeniusNorm ‖H‖_F
 */
public record HessianFacts(
    int dim,
    double trace,
    double eigMax,
    double eigMin,
    double eigAbsMax,
    double eigSecondAbs,
    double frobeniusNorm) {}
