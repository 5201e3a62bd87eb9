/** Rules of {@code batch_l2}: per-sample squared gradient norms {@code ‖G_n‖²} per parameter. */
package org.cockpit4j.extension.batchl2;
