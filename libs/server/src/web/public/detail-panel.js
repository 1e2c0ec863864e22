import { api } from './api.js';
import { fill, formatInstant, h } from './dom.js';
import { lineageList } from './lineage.js';
import { outletLabel } from './outlet-label.js';
import { MODALITY_WORDS } from './timeline-chart.js';

export function describeOccurred(occurred) {
  if (!occurred || (!occurred.from && !occurred.to)) return 'unknown';
  const precision = occurred.precision === 'fuzzy' ? ' (fuzzy)' : '';
  if (occurred.from && occurred.to && occurred.from !== occurred.to) return `between ${formatInstant(occurred.from)} and ${formatInstant(occurred.to)}${precision}`;
  if (!occurred.from) return `by ${formatInstant(occurred.to)}${precision}`;
  return `${occurred.to ? 'on' : 'from'} ${formatInstant(occurred.from)}${precision}`;
}

function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter(([, value]) => value !== null && value !== undefined).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** The report text with the given spans marked; text nodes only, never HTML. */
export function highlighted(text, spans) {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end).sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const span of valid) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start), h('mark', { class: span.className ?? 'evidence', title: span.title }, text.slice(span.start, span.end)));
    at = span.end;
  }
  parts.push(text.slice(at));
  return h('blockquote', { class: 'report-text' }, parts);
}

/** Scrolls the report text (not the page) so the evidence is in view. */
function showMark(panel) {
  const mark = panel.querySelector('mark');
  const text = mark?.closest('.report-text');
  if (text) text.scrollTop += mark.getBoundingClientRect().top - text.getBoundingClientRect().top - 24;
}

function reportHeading(report) {
  return h('p', { class: 'report-meta' }, h('strong', {}, report.headline ?? 'Report without a headline'), ` · ${outletLabel(report.outlet, report.dateline)} · published ${formatInstant(report.publishedAt)}`);
}

/** Details of what was chosen on the timeline: a fact with its evidence and lineage, or a report. */
export class DetailPanel {
  constructor(onChoose) {
    this.onChoose = onChoose;
    this.element = h('aside', { class: 'details card', 'aria-label': 'Details', tabindex: '-1' });
    this.clear();
  }

  clear() {
    this.shown = null;
    fill(this.element, h('h2', {}, 'Details'), h('p', { class: 'hint' }, 'Choose a report or a fact on the timeline (or in the list of entries) to see who said it, how, and the report text it comes from.'));
  }

  showFact(entry, { archive, links, entriesById }) {
    this.shown = entry.id;
    const report = archive.report(entry.reportId);
    const evidence = entry.evidence ?? archive.evidence(entry.id);
    const lineage = h('div', { class: 'lineage' }, h('p', { class: 'hint' }, 'Loading the lineage…'));
    fill(
      this.element,
      h('p', { class: 'kicker' }, 'Fact'),
      h('h2', { id: 'detail-title' }, entry.statement),
      facts([
        ['Reported by', entry.source],
        ['Attributed to', entry.attributedTo ?? 'nobody: the outlet’s own voice'],
        ['Modality', MODALITY_WORDS[entry.modality] ?? entry.modality],
        ['Occurred', describeOccurred(entry.occurred)],
        ['Reported', formatInstant(entry.reportedAt)],
        ['Recorded', formatInstant(entry.recordedAt)],
        ['Status', `${entry.status ?? 'active'}${entry.corrected ? ', corrected' : ''}`],
      ]),
      this.linksOf(entry, links, entriesById),
      h('h3', {}, 'Lineage'),
      lineage,
      h('h3', {}, 'In the report'),
      report ? [reportHeading(report), highlighted(report.text, evidence ? [{ ...evidence, title: 'the evidence for this fact' }] : [])] : h('p', { class: 'hint' }, 'The report text is not available.'),
    );
    showMark(this.element);
    this.fillLineage(entry, archive, lineage);
  }

  linksOf(entry, links, entriesById) {
    const mine = links.filter((link) => link.fromFactId === entry.id || link.toFactId === entry.id);
    if (mine.length === 0) return null;
    const item = (link) => {
      const other = entriesById.get(link.fromFactId === entry.id ? link.toFactId : link.fromFactId);
      const open = other ? h('button', { type: 'button', class: 'link-button', onclick: () => this.onChoose(other.id) }, `“${other.statement}” (${other.source})`) : 'a fact not in this view';
      return h('li', { class: `link-${link.kind}` }, h('strong', {}, link.kind), ' ', open, link.reason ? ` — ${link.reason}` : '');
    };
    return [h('h3', {}, 'Links'), h('ul', { class: 'links' }, mine.map(item))];
  }

  /** The lineage API when this server has it; otherwise the fact's own events from the replay. */
  async fillLineage(entry, archive, target) {
    let steps = null;
    if (DetailPanel.lineageApi !== false) {
      try {
        steps = (await api(`/facts/${encodeURIComponent(entry.id)}/lineage`)).body.steps;
        DetailPanel.lineageApi = true;
      } catch (error) {
        if (error.code === 'ROUTE.NOT_FOUND') DetailPanel.lineageApi = false;
      }
    }
    if (this.shown !== entry.id) return;
    const fromApi = steps !== null;
    fill(
      target,
      lineageList(fromApi ? steps : archive.history(entry.id), archive),
      fromApi ? null : h('p', { class: 'hint' }, 'From the story’s replay: this server has no lineage API.'),
    );
  }

  /** A key development: the claim, the day it is placed on and why, who carries it, and its reports to open. */
  showDevelopment(entry, { entriesById }) {
    this.shown = entry.id;
    const day = entry.dayRule === 'occurred-day' ? `${formatInstant(entry.day)} (the day its reports give)` : `undated; first reported ${formatInstant(entry.day)}`;
    const contradicted = entry.contradictedBy.map((claimId) => entriesById.get(`claim:${claimId}`)).filter(Boolean);
    const report = (shown) => {
      const known = entriesById.get(shown.reportId);
      const text = `${shown.outlet} · ${formatInstant(shown.reportedAt)}${known?.headline ? ` — ${known.headline}` : ''}`;
      return h('li', {}, known ? h('button', { type: 'button', class: 'link-button', onclick: () => this.onChoose(shown.reportId) }, text) : text);
    };
    fill(
      this.element,
      h('p', { class: 'kicker' }, `Key development #${entry.rank}`),
      h('h2', { id: 'detail-title' }, entry.statement),
      facts([
        ['Day', day],
        ['First reported by', `${entry.firstReport.outlet}, ${formatInstant(entry.firstReport.reportedAt)}`],
        ['Carried by', `${entry.outletCount} ${entry.outletCount === 1 ? 'outlet' : 'outlets'}: ${entry.outlets.join(', ')}`],
      ]),
      contradicted.length > 0
        ? [h('h3', {}, 'Contradicted by'), h('ul', { class: 'links' }, contradicted.map((other) => h('li', { class: 'link-contradicts' }, h('button', { type: 'button', class: 'link-button', onclick: () => this.onChoose(other.id) }, `“${other.statement}” (${other.firstReport.outlet})`))))]
        : null,
      h('h3', {}, `Its reports (${entry.reports.length})`),
      h('ul', { class: 'fact-list' }, entry.reports.map(report)),
    );
  }

  showReport(entry, { archive, entries }) {
    this.shown = entry.id;
    const report = archive.report(entry.reportId) ?? { text: '', headline: entry.headline, outlet: entry.source, publishedAt: entry.reportedAt };
    const ownFacts = entries.filter((other) => other.kind === 'fact' && other.reportId === entry.reportId);
    const spans = ownFacts.map((fact) => ({ ...(fact.evidence ?? archive.evidence(fact.id) ?? { start: 0, end: 0 }), title: fact.statement }));
    fill(
      this.element,
      h('p', { class: 'kicker' }, 'Report'),
      h('h2', { id: 'detail-title' }, report.headline ?? `Report by ${report.outlet ?? entry.source}`),
      facts([
        ['Outlet', report.outlet ?? entry.lane ?? entry.source],
        ['By', report.byline],
        ['Dateline', report.dateline],
        ['Published', formatInstant(report.publishedAt ?? entry.reportedAt)],
        ['Recorded', formatInstant(entry.recordedAt)],
        ['Address', report.url],
      ]),
      h('h3', {}, `Facts it states (${ownFacts.length})`),
      h('ul', { class: 'fact-list' }, ownFacts.map((fact) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => this.onChoose(fact.id) }, fact.statement)))),
      h('h3', {}, 'Text'),
      report.text ? highlighted(report.text, spans) : h('p', { class: 'hint' }, 'The report text is not available.'),
    );
  }
}
