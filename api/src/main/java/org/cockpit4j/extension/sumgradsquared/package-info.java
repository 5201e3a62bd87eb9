/** Rules of {@code sum_grad_squared}: {@code Σ_n G_n²} elementwise. */
package org.cockpit4j.extension.sumgradsquared;
