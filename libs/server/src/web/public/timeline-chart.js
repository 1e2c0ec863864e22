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
  verticalScroll: true,
  maxHeight: 560,
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
  const place = placement(entry, order);
  const classes = [entry.kind, entry.modality ? `modality-${entry.modality}` : '', place.className, linked.get(entry.id) ?? '', entry.status === 'retracted' ? 'retracted' : '', entry.corrected ? 'corrected' : ''];
  // vis-timeline reads a present-but-undefined `end` as a range end, so it is left out.
  return {
    id: entry.id,
    group: entry.source,
    start: place.start,
    ...(place.end ? { end: place.end } : {}),
    type: place.end ? 'range' : 'box',
    content: label(entry),
    title: tooltip(entry),
    className: classes.filter(Boolean).join(' '),
  };
}

/** Lanes keep one order on every axis: by each source's first report. */
function laneOrder(entries) {
  const first = new Map();
  for (const entry of entries) {
    const at = Date.parse(entry.reportedAt ?? entry.recordedAt);
    if (!(first.get(entry.source) <= at)) first.set(entry.source, at);
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
    this.timeline = new vis.Timeline(container, this.items, this.groups, { ...OPTIONS, moment: (date) => vis.moment(date).utc() });
    this.overlay = new LinkOverlay(container);
    this.timeline.on('select', ({ items }) => items.length > 0 && onSelect(items[0]));
    this.timeline.on('changed', () => this.overlay.draw());
  }

  render(entries, links, order, { fit = false } = {}) {
    const linked = new Map();
    for (const link of links) {
      const mark = link.kind === 'contradicts' ? 'contradicted' : 'linked';
      for (const id of [link.fromFactId, link.toFactId]) if (linked.get(id) !== 'contradicted') linked.set(id, mark);
    }
    const sources = laneOrder(entries);
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
    this.timeline.destroy();
  }
}
