// Cockpit4J dashboard: draws the server's gauge views (the Java view model as JSON) with uPlot and
// keeps them current from server-sent events. No network access beyond this server.
'use strict';

window.__dashboardErrors = [];
window.addEventListener('error', (event) => window.__dashboardErrors.push(String(event.message)));

const GROUP_ORDER = ['STEP_SIZE', 'GRADIENTS', 'CURVATURE', 'HYPERPARAMETERS', 'PERFORMANCE',
  'AUXILIARY', 'LAYERWISE'];
const SUMMARY_GROUPS = new Set(['HYPERPARAMETERS', 'PERFORMANCE']);
const INTEGER_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
  10000, 20000, 50000, 100000, 200000, 500000, 1000000];

const runStates = new Map();
let comparisonState = null;
const instances = new Map(); // container element -> [uPlot]

function setStatus(text, state) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.dataset.state = state;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function destroyPlots(container) {
  for (const [owner, list] of instances) {
    if (container.contains(owner)) {
      list.forEach((plot) => plot.destroy());
      instances.delete(owner);
    }
  }
}

// ---- runs -------------------------------------------------------------------------------------

function runSection(index) {
  const runs = document.getElementById('runs');
  let section = runs.querySelector(`section.run[data-run="${index}"]`);
  if (!section) {
    section = element('section', 'run');
    section.dataset.run = index;
    const after = [...runs.children].find((child) => Number(child.dataset.run) > index);
    runs.insertBefore(section, after || null);
  }
  return section;
}

function renderRun(state) {
  runStates.set(state.index, state);
  const section = runSection(state.index);
  destroyPlots(section);
  section.replaceChildren();
  section.dataset.lastStep = state.lastStep;
  section.dataset.name = state.name;
  section.appendChild(element('h2', '', `${state.name} — ${state.title}`));
  const meta = element('div', 'meta',
    state.lastStep >= 0 ? `step ${state.lastStep}` : 'no steps logged yet');
  meta.classList.add('last-step');
  section.appendChild(meta);
  section.appendChild(renderFindings(state.diagnosis));
  const groups = new Map();
  for (const gauge of state.gauges) {
    if (!groups.has(gauge.group)) groups.set(gauge.group, []);
    groups.get(gauge.group).push(gauge);
  }
  for (const name of GROUP_ORDER) {
    const gauges = groups.get(name);
    if (!gauges) continue;
    const group = element('div', 'group');
    group.dataset.group = name;
    const colour = gauges[0].groupColour;
    group.style.background = SUMMARY_GROUPS.has(name) ? colour : colour.replace(/,1(\.0)?\)$/, ',0.75)');
    group.appendChild(element('h3', '', gauges[0].groupTitle));
    const grid = element('div', 'gauges');
    group.appendChild(grid);
    section.appendChild(group);
    for (const gauge of gauges) {
      grid.appendChild(renderGauge(gauge, state.index));
    }
  }
  drawPending(section);
}

function renderFindings(findings) {
  if (!findings.length) {
    return element('div', 'no-findings', 'Diagnosis: no findings.');
  }
  const list = element('ul', 'findings');
  for (const finding of findings) {
    const item = element('li', `finding ${finding.severity}`);
    item.dataset.rule = finding.rule;
    item.appendChild(element('div', 'title', `[${finding.severity}] ${finding.title}`));
    item.appendChild(element('div', 'message', finding.message));
    const evidence = element('ul');
    for (const line of finding.evidence) evidence.appendChild(element('li', '', line));
    item.appendChild(evidence);
    list.appendChild(item);
  }
  return list;
}

function renderComparison(state) {
  comparisonState = state;
  const container = document.getElementById('comparison-gauges');
  destroyPlots(container);
  container.replaceChildren();
  container.dataset.runs = state.runs.join('|');
  for (const gauge of state.gauges) container.appendChild(renderGauge(gauge, 'comparison'));
  drawPending(container);
}

// ---- gauges -----------------------------------------------------------------------------------

function renderGauge(gauge, run) {
  const box = element('div', 'gauge');
  box.dataset.instrument = gauge.instrument;
  box.dataset.run = run;
  box.dataset.step = gauge.step;
  box.dataset.hasData = gauge.note ? 'false' : 'true';
  box.appendChild(element('h4', '', gauge.title));
  if (gauge.note) {
    box.appendChild(element('div', 'note', gauge.note));
    return box;
  }
  const body = element('div', 'body');
  body.style.gridTemplateRows = gauge.rowWeights.map((w) => `${w}fr`).join(' ');
  body.style.gridTemplateColumns = gauge.columnWeights.map((w) => `${w}fr`).join(' ');
  box.appendChild(body);
  box.pending = gauge;
  return box;
}

/** Draws the gauges inserted into {@code container}, now that their widths are known. */
function drawPending(container) {
  for (const box of container.querySelectorAll('.gauge')) {
    if (!box.pending) continue;
    const gauge = box.pending;
    delete box.pending;
    try {
      drawGauge(box, gauge);
    } catch (error) {
      window.__dashboardErrors.push(`${gauge.instrument}: ${error}`);
      box.dataset.hasData = 'false';
    }
  }
}

function drawGauge(box, gauge) {
  const body = box.querySelector('.body');
  const width = Math.max(200, body.clientWidth || box.clientWidth - 6);
  const height = gauge.plots.length > 1 ? Math.max(300, width * 0.7) : 230;
  body.style.height = `${height}px`;
  const rowTotal = gauge.rowWeights.reduce((a, b) => a + b, 0);
  const columnTotal = gauge.columnWeights.reduce((a, b) => a + b, 0);
  const list = [];
  for (const plot of gauge.plots) {
    const c = plot.cell;
    const cell = element('div', 'cell');
    cell.style.gridRow = `${c.row + 1} / span ${c.rowSpan}`;
    cell.style.gridColumn = `${c.column + 1} / span ${c.columnSpan}`;
    body.appendChild(cell);
    const w = width * sum(gauge.columnWeights, c.column, c.columnSpan) / columnTotal;
    let h = height * sum(gauge.rowWeights, c.row, c.rowSpan) / rowTotal;
    if (plot.title) {
      cell.appendChild(element('div', 'plot-title', plot.title));
      h -= 14;
    }
    if (plot.note) {
      cell.appendChild(element('div', 'note', plot.note));
      continue;
    }
    list.push(makePlot(plot, Math.floor(w), Math.floor(Math.max(40, h)), cell, gauge.plots.length > 1));
    addLegend(cell, plot.marks);
  }
  instances.set(box, list);
}

function sum(values, from, count) {
  let total = 0;
  for (let i = from; i < from + count; i++) total += values[i];
  return total;
}

function addLegend(cell, marks) {
  const entries = marks.filter((mark) => mark.label);
  if (!entries.length) return;
  const legend = element('div', 'legend');
  const seen = new Set();
  for (const mark of entries) {
    if (seen.has(mark.label)) continue;
    seen.add(mark.label);
    const line = element('div');
    const swatch = element('span', 'swatch');
    swatch.style.background = swatchColour(mark);
    line.appendChild(swatch);
    line.appendChild(document.createTextNode(mark.label));
    legend.appendChild(line);
  }
  cell.appendChild(legend);
}

function swatchColour(mark) {
  if (mark.colour && typeof mark.colour === 'object') {
    return mark.colour.fixed || mark.colour.stops[6];
  }
  return mark.fill || mark.colour || '#888';
}

// ---- one plot with uPlot -------------------------------------------------------------------------

function scaleOptions(axis) {
  const options = { auto: false, range: () => [axis.range[0], axis.range[1]] };
  if (axis.scale === 'log') {
    options.distr = 3;
    options.log = 10;
  } else if (axis.scale === 'symlog') {
    options.distr = 4;
    options.asinh = axis.threshold;
  }
  if (axis.inverted) options.dir = -1;
  return options;
}

function axisOptions(axis, scale, side, compact) {
  const options = {
    scale,
    side,
    label: axis.label || undefined,
    labelSize: axis.label ? 14 : 0,
    labelFont: '11px sans-serif',
    font: '10px sans-serif',
    size: side === 2 ? (compact ? 22 : 30) : (compact ? 36 : 46),
    gap: 2,
  };
  if (axis.integer) options.incrs = INTEGER_STEPS;
  if (side === 1) options.grid = { show: false };
  return options;
}

function isMonotone(values) {
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== null && values[i - 1] !== null && values[i] < values[i - 1]) return false;
  }
  return true;
}

function makePlot(plot, width, height, cell, compact) {
  const series = plot.marks.filter((mark) => (mark.kind === 'points' || mark.kind === 'line')
    && (mark.kind === 'points' || isMonotone(mark.x)));
  const manualLines = plot.marks.filter((mark) => mark.kind === 'line' && !series.includes(mark));
  const logX = plot.x.scale === 'log';
  const xs = [...new Set(series.flatMap((mark) => mark.x)
    .filter((x) => x !== null && (!logX || x > 0)))].sort((a, b) => a - b);
  if (!xs.length) xs.push(plot.x.range[0], plot.x.range[1]);
  const position = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  const uSeries = [{}];
  for (const mark of series) {
    const scale = mark.secondary && plot.y2 ? 'y2' : 'y';
    const logY = (scale === 'y2' ? plot.y2 : plot.y).scale === 'log';
    const ys = new Array(xs.length).fill(null);
    mark.x.forEach((x, i) => {
      const y = mark.y[i];
      if (x === null || y === null || !position.has(x) || (logY && y <= 0)) return;
      ys[position.get(x)] = y;
    });
    data.push(ys);
    const paint = mark.colour.fixed ? mark.colour.fixed : (u) => gradient(u, mark.colour.stops);
    if (mark.kind === 'points') {
      uSeries.push({
        label: mark.label || 'points', scale, stroke: paint, width: 0, paths: () => null,
        points: { show: true, size: Math.max(3, mark.size), fill: paint, stroke: paint, width: 0 },
      });
    } else {
      uSeries.push({
        label: mark.label || 'line', scale, stroke: paint, width: Math.max(1, mark.width * 0.8),
        dash: mark.dashed ? [5, 4] : undefined, spanGaps: true, points: { show: false },
      });
    }
  }
  const scales = { x: Object.assign({ time: false }, scaleOptions(plot.x)), y: scaleOptions(plot.y) };
  const axes = [axisOptions(plot.x, 'x', 2, compact), axisOptions(plot.y, 'y', 3, compact)];
  if (plot.y2) {
    scales.y2 = scaleOptions(plot.y2);
    axes.push(axisOptions(plot.y2, 'y2', 1, compact));
  }
  const options = {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales,
    axes,
    series: uSeries,
    hooks: {
      drawAxes: [(u) => drawMarks(u, plot, ['heatmap', 'band', 'area', 'bars'])],
      draw: [(u) => {
        drawMarks(u, plot, ['rule', 'polygon', 'text']);
        drawLines(u, plot, manualLines);
      }],
    },
  };
  return new uPlot(options, data, cell);
}

function gradient(u, stops) {
  const ctx = u.ctx;
  const g = ctx.createLinearGradient(u.bbox.left, 0, u.bbox.left + u.bbox.width, 0);
  stops.forEach((stop, i) => g.addColorStop(i / (stops.length - 1), stop));
  return g;
}

function scaleKey(plot, mark, vertical) {
  if (!vertical) return 'x';
  return mark.secondary && plot.y2 ? 'y2' : 'y';
}

function px(u, value, key) {
  return u.valToPos(value, key, true);
}

function lowEnd(u, key) {
  const scale = u.scales[key];
  if (scale.distr !== 3 && scale.min <= 0 && scale.max >= 0) return 0;
  return scale.min;
}

function drawMarks(u, plot, kinds) {
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  for (const mark of plot.marks) {
    if (!kinds.includes(mark.kind)) continue;
    if (mark.kind === 'band') {
      ctx.fillStyle = mark.fill;
      if (mark.horizontal) {
        const a = px(u, mark.lower, 'y');
        const b = px(u, mark.upper, 'y');
        ctx.fillRect(u.bbox.left, Math.min(a, b), u.bbox.width, Math.abs(b - a));
      } else {
        const a = px(u, mark.lower, 'x');
        const b = px(u, mark.upper, 'x');
        ctx.fillRect(Math.min(a, b), u.bbox.top, Math.abs(b - a), u.bbox.height);
      }
    } else if (mark.kind === 'rule') {
      ctx.strokeStyle = mark.colour;
      ctx.lineWidth = Math.max(1, mark.width) * ratio;
      ctx.setLineDash(mark.dashed ? [5 * ratio, 4 * ratio] : []);
      ctx.beginPath();
      if (mark.horizontal) {
        const y = px(u, mark.value, 'y');
        ctx.moveTo(u.bbox.left, y);
        ctx.lineTo(u.bbox.left + u.bbox.width, y);
      } else {
        const x = px(u, mark.value, 'x');
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
      }
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (mark.kind === 'bars') {
      ctx.fillStyle = mark.fill;
      const valueKey = mark.horizontal ? 'x' : scaleKey(plot, mark, true);
      const positionKey = mark.horizontal ? 'y' : 'x';
      const log = u.scales[valueKey].distr === 3;
      const base = px(u, lowEnd(u, valueKey), valueKey);
      mark.centres.forEach((centre, i) => {
        const length = mark.lengths[i];
        if (centre === null || length === null || (log && length <= 0)) return;
        const a = px(u, centre - mark.width / 2, positionKey);
        const b = px(u, centre + mark.width / 2, positionKey);
        const v = px(u, length, valueKey);
        if (mark.horizontal) {
          ctx.fillRect(Math.min(base, v), Math.min(a, b), Math.abs(v - base), Math.abs(b - a));
        } else {
          ctx.fillRect(Math.min(a, b), Math.min(base, v), Math.abs(b - a), Math.abs(v - base));
        }
      });
    } else if (mark.kind === 'area') {
      const points = mark.x.map((x, i) => [x, mark.y[i]])
        .filter(([x, y]) => x !== null && y !== null
          && (u.scales.x.distr !== 3 || x > 0) && (u.scales.y.distr !== 3 || y > 0));
      if (!points.length) continue;
      ctx.fillStyle = mark.fill;
      ctx.beginPath();
      points.forEach(([x, y], i) => {
        const cx = px(u, x, 'x');
        const cy = px(u, y, 'y');
        if (i === 0) ctx.moveTo(cx, cy); else ctx.lineTo(cx, cy);
      });
      const first = points[0];
      const last = points[points.length - 1];
      if (mark.horizontal) {
        const base = px(u, mark.baseline === null ? lowEnd(u, 'x') : mark.baseline, 'x');
        ctx.lineTo(base, px(u, last[1], 'y'));
        ctx.lineTo(base, px(u, first[1], 'y'));
      } else {
        const base = px(u, mark.baseline === null ? lowEnd(u, 'y') : mark.baseline, 'y');
        ctx.lineTo(px(u, last[0], 'x'), base);
        ctx.lineTo(px(u, first[0], 'x'), base);
      }
      ctx.closePath();
      ctx.fill();
    } else if (mark.kind === 'polygon') {
      ctx.beginPath();
      mark.x.forEach((x, i) => {
        const cx = px(u, x, 'x');
        const cy = px(u, mark.y[i], 'y');
        if (i === 0) ctx.moveTo(cx, cy); else ctx.lineTo(cx, cy);
      });
      ctx.closePath();
      if (mark.fill) {
        ctx.fillStyle = mark.fill;
        ctx.fill();
      }
      if (mark.outline) {
        ctx.strokeStyle = mark.outline;
        ctx.lineWidth = 1.5 * ratio;
        ctx.stroke();
      }
    } else if (mark.kind === 'heatmap') {
      if (!(mark.max > 0)) continue;
      const [r, g, b] = mark.rgb;
      mark.values.forEach((row, i) => row.forEach((value, j) => {
        if (!(value > 0)) return;
        const x0 = px(u, mark.xEdges[i], 'x');
        const x1 = px(u, mark.xEdges[i + 1], 'x');
        const y0 = px(u, mark.yEdges[j], 'y');
        const y1 = px(u, mark.yEdges[j + 1], 'y');
        ctx.fillStyle = `rgba(${r},${g},${b},${Math.min(1, value / mark.max)})`;
        ctx.fillRect(Math.min(x0, x1) - 0.25, Math.min(y0, y1) - 0.25,
          Math.abs(x1 - x0) + 0.5, Math.abs(y1 - y0) + 0.5);
      }));
    } else if (mark.kind === 'text') {
      ctx.fillStyle = mark.colour;
      ctx.font = `bold ${11 * ratio}px sans-serif`;
      ctx.textAlign = mark.align < 0 ? 'left' : (mark.align > 0 ? 'right' : 'center');
      ctx.textBaseline = 'middle';
      ctx.fillText(mark.text, px(u, mark.x, 'x'), px(u, mark.y, 'y'));
    }
  }
  ctx.restore();
}

/** Lines whose x is not ascending (e.g. the Ortho panel), drawn in their own order. */
function drawLines(u, plot, lines) {
  const ctx = u.ctx;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  for (const mark of lines) {
    const key = scaleKey(plot, mark, true);
    ctx.strokeStyle = mark.colour.fixed || mark.colour.stops[4];
    ctx.lineWidth = Math.max(1, mark.width) * uPlot.pxRatio;
    ctx.beginPath();
    let started = false;
    mark.x.forEach((x, i) => {
      const y = mark.y[i];
      if (x === null || y === null) return;
      const cx = px(u, x, 'x');
      const cy = px(u, y, key);
      if (!started) { ctx.moveTo(cx, cy); started = true; } else ctx.lineTo(cx, cy);
    });
    ctx.stroke();
  }
  ctx.restore();
}

// ---- start ------------------------------------------------------------------------------------

function connect() {
  const source = new EventSource('/api/events');
  source.addEventListener('run', (event) => {
    renderRun(JSON.parse(event.data));
    setStatus(`live — updated ${new Date().toLocaleTimeString()}`, 'live');
  });
  source.addEventListener('comparison', (event) => renderComparison(JSON.parse(event.data)));
  source.onopen = () => setStatus('live', 'live');
  source.onerror = () => setStatus('reconnecting…', 'error');
}

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const state of runStates.values()) renderRun(state);
    if (comparisonState) renderComparison(comparisonState);
  }, 200);
});

connect();
