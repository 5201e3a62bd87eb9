/**
 * The live dashboard: a read-only web server (Javalin, bound to 127.0.0.1 by default) over run
 * directories that serves a page with every gauge, pushes updates by server-sent events as steps
 * arrive, compares runs side by side, and shows each run's diagnosis.
 */
package org.cockpit4j.dashboard;
