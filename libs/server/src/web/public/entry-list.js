import { formatInstant, h } from './dom.js';
import { MODALITY_WORDS } from './timeline-chart.js';

function describe(entry) {
  if (entry.kind === 'development') {
    const outlets = `${entry.outletCount} ${entry.outletCount === 1 ? 'outlet' : 'outlets'}`;
    return [h('span', { class: 'item-tag' }, `#${entry.rank} · ${outlets}`), ` ${formatInstant(entry.day)} — ${entry.statement}`];
  }
  if (entry.kind === 'report') return [h('span', { class: 'item-tag' }, 'Report'), ` ${formatInstant(entry.reportedAt)} — ${entry.headline ?? 'untitled'}`];
  const said = entry.attributedTo ? `attributed to ${entry.attributedTo}` : 'own voice';
  return [h('span', { class: 'item-tag' }, MODALITY_WORDS[entry.modality] ?? entry.modality), ` ${entry.statement} `, h('span', { class: 'hint' }, `(${said})`)];
}

/**
 * The timeline's entries as plain lists, one per source: what a keyboard or screen-reader
 * user (or a narrow screen) uses instead of the chart.
 */
export class EntryList {
  constructor(onChoose) {
    this.onChoose = onChoose;
    this.summary = h('summary', {}, 'Entries as a list');
    this.body = h('div', { class: 'entry-groups' });
    this.element = h('details', { class: 'entries card' }, this.summary, this.body);
  }

  render(entries) {
    const bySource = new Map();
    for (const entry of entries) bySource.set(entry.lane ?? entry.source, [...(bySource.get(entry.lane ?? entry.source) ?? []), entry]);
    this.summary.textContent = `Entries as a list: ${entries.length} in ${bySource.size} ${bySource.size === 1 ? 'lane' : 'lanes'}`;
    this.body.replaceChildren(
      ...[...bySource].map(([source, own]) =>
        h(
          'section',
          { class: 'entry-group' },
          h('h3', {}, source),
          h('ul', {}, own.map((entry) => h('li', {}, h('button', { type: 'button', class: `entry-button ${entry.kind}`, 'data-entry': entry.id, onclick: () => this.onChoose(entry.id) }, describe(entry))))),
        ),
      ),
    );
  }
}
