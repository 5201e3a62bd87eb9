/** Small dense linear algebra on the host in float64 (symmetric eigenvalues). */
package org.cockpit4j.linalg;
