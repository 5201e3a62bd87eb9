/** Rules of {@code variance}: {@code Σ_n G_n²/N − (Σ_n G_n/N)²} elementwise. */
package org.cockpit4j.extension.variance;
