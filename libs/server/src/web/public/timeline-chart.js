import { formatInstant, h, shorten } from './dom.js';
import { LinkOverlay } from './link-overlay.js';

const OPTIONS = {
  stack: true,
  orientation: { axis: 'top', item: 'top' },
  margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
  groupOrder: 'order',
  selectable: true,
  multiselect: false,
  showCurrentTime: false,
  zoomMin: 60 * 60 * 1000,
  // The wheel scrolls the page (every lane stays in view, the chart grows to hold them);
  // zoom is ctrl + wheel, a pinch, or the buttons.
  zoomKey: 'ctrlKey',
  verticalScroll: false,
  horizontalScroll: false,
  tooltip: { followMouse: false, overflowMethod: 'cap', delay: 300 },
};

export const MODALITY_WORDS = {
  asserted: 'asserted',
  reportedly: 'reportedly',
  allegedly: 'allegedly',
  quoted_opinion: 'quoted opinion',
  speculation: 'speculation',
  denial: 'denial',
};

/**
 * Where an entry sits on the chosen axis. Occurred intervals are drawn as ranges; a fact
 * whose occurrence is unknown stays at its report's time, marked as such.
 */
export function placement(entry, order) {
  const reported = entry.reportedAt ?? entry.recordedAt;
  if (order === 'recorded') return { start: entry.recordedAt };
  if (order !== 'occurred' || entry.kind !== 'fact') return { start: reported, className: entry.reportedAt ? '' : 'undated' };
  const occurred = entry.occurred;
  if (!occurred || (!occurred.from && !occurred.to)) return { start: reported, className: 'occurred-unknown' };
  const fuzzy = occurred.precision === 'fuzzy' ? 'fuzzy' : '';
  if (occurred.from && occurred.to && occurred.from !== occurred.to) return { start: occurred.from, end: occurred.to, className: fuzzy };
  return { start: occurred.from ?? occurred.to, className: `${fuzzy} ${occurred.from ? 'open-end' : 'open-start'}` };
}

function label(entry) {
  const tag = entry.kind === 'report' ? 'Report' : (MODALITY_WORDS[entry.modality] ?? entry.modality);
  const text = entry.kind === 'report' ? (entry.headline ?? entry.source) : entry.statement;
  return h('span', { class: 'item-label', 'data-entry': entry.id }, h('span', { class: 'item-tag' }, tag), ' ', shorten(text ?? '', 64));
}

function tooltip(entry) {
  const said = entry.kind === 'fact' ? (entry.attributedTo ? `attributed to ${entry.attributedTo}` : 'in the outlet’s own voice') : `report by ${entry.source}`;
  return h('div', { class: 'tip' }, h('strong', {}, entry.statement ?? entry.headline ?? 'Report'), h('br'), `${said} · reported ${formatInstant(entry.reportedAt)}`);
}

function toItem(entry, order, linked) {
  if (entry.kind === 'development') return developmentItem(entry);
  const place = placement(entry, order);
  const classes = [entry.kind, entry.modality ? `modality-${entry.modality}` : '', place.className, linked.get(entry.id) ?? '', entry.status === 'retracted' ? 'retracted' : '', entry.corrected ? 'corrected' : ''];
  // vis-timeline reads a present-but-undefined `end` as a range end, so it is left out.
  return {
    id: entry.id,
    group: entry.lane ?? entry.source,
    start: place.start,
    ...(place.end ? { end: place.end } : {}),
    type: place.end ? 'range' : 'box',
    content: label(entry),
    title: tooltip(entry),
    className: classes.filter(Boolean).join(' '),
  };
}

/** One claim on its day, in the lane of the outlet that reported it first, with how many outlets carry it. */
function developmentItem(entry) {
  const undated = entry.dayRule === 'first-reported';
  const outlets = `${entry.outletCount} ${entry.outletCount === 1 ? 'outlet' : 'outlets'}`;
  const content = h('span', { class: 'item-label', 'data-entry': entry.id }, h('span', { class: 'item-tag' }, `#${entry.rank} · ${outlets}`), ' ', shorten(entry.statement, 64));
  const when = undated ? `undated: first reported ${formatInstant(entry.day)}` : `occurred ${formatInstant(entry.day)}`;
  return {
    id: entry.id,
    group: entry.lane,
    start: entry.day,
    type: 'box',
    content,
    title: h('div', { class: 'tip' }, h('strong', {}, entry.statement), h('br'), `${when} · carried by ${entry.outlets.join(', ')}`),
    className: ['development', undated ? 'undated' : '', entry.contradictedBy.length > 0 ? 'contradicted' : ''].filter(Boolean).join(' '),
  };
}

/** Lanes keep one order on every axis: by each source's first report. */
function laneOrder(entries) {
  const first = new Map();
  for (const entry of entries) {
    const at = Date.parse(entry.reportedAt ?? entry.recordedAt);
    const lane = entry.lane ?? entry.source;
    if (!(first.get(lane) <= at)) first.set(lane, at);
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([source]) => source);
}

/** Updates in place (keeping the selection); a row that loses its `end` is replaced, as update would keep the old one. */
function sync(dataSet, rows) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const stale = dataSet.get({ filter: (old) => !byId.has(old.id) || ('end' in old && !('end' in byId.get(old.id))) });
  dataSet.remove(stale.map((old) => old.id));
  dataSet.update(rows);
}

/** The story drawn with vis-timeline: one lane (group) per source, items on one clock's axis. */
export class TimelineChart {
  constructor(container, onSelect) {
    const vis = window.vis;
    this.container = container;
    this.items = new vis.DataSet();
    this.groups = new vis.DataSet();
    this.zoom = h(
      'div',
      { class: 'zoom-buttons', role: 'group', 'aria-label': 'Zoom the timeline' },
      h('button', { type: 'button', class: 'button', onclick: () => this.timeline.zoomIn(0.5, { animation: false }) }, 'Zoom in'),
      h('button', { type: 'button', class: 'button', onclick: () => this.timeline.zoomOut(0.5, { animation: false }) }, 'Zoom out'),
      h('button', { type: 'button', class: 'button', onclick: () => this.timeline.fit({ animation: false }) }, 'Fit'),
    );
    container.before(this.zoom);
    this.timeline = new vis.Timeline(container, this.items, this.groups, { ...OPTIONS, moment: (date) => vis.moment(date).utc() });
    this.overlay = new LinkOverlay(container);
    this.timeline.on('select', ({ items }) => items.length > 0 && onSelect(items[0]));
    this.timeline.on('changed', () => this.overlay.draw());
  }

  /**
   * Draws entries (reports and facts, or key developments) in their lanes; `lanes` adds lanes
   * that have no entry in this view, so every outlet of the story keeps its lane.
   */
  render(entries, links, order, { fit = false, lanes = [] } = {}) {
    const linked = new Map();
    for (const link of links) {
      const mark = link.kind === 'contradicts' ? 'contradicted' : 'linked';
      for (const id of [link.fromFactId, link.toFactId]) if (linked.get(id) !== 'contradicted') linked.set(id, mark);
    }
    const sources = [...new Set([...laneOrder(entries), ...lanes])];
    sync(this.groups, sources.map((source, index) => ({ id: source, order: index, content: h('span', { class: 'lane-label' }, source) })));
    sync(this.items, entries.map((entry) => toItem(entry, order, linked)));
    this.overlay.setLinks(links);
    if (fit && entries.length > 0) this.timeline.fit({ animation: false });
  }

  select(id, { focus = false } = {}) {
    const known = id !== null && this.items.get(id) !== null;
    this.timeline.setSelection(known ? [id] : [], { focus: focus && known, animation: false });
  }

  destroy() {
    this.zoom.remove();
    this.timeline.destroy();
  }
}
