import { api, describeError } from './api.js';
import { AsOfSlider } from './as-of-slider.js';
import { DetailPanel } from './detail-panel.js';
import { formatInstant, h } from './dom.js';
import { EntryList } from './entry-list.js';
import { IngestForm } from './ingest-form.js';
import { LinkList } from './link-list.js';
import { MembershipPanel } from './membership-panel.js';
import { ReplayPlayer } from './replay-player.js';
import { loadArchive } from './story-archive.js';
import { outletLabel } from './outlet-label.js';
import { TimelineChart } from './timeline-chart.js';

const AXES = [
  ['developments', 'key developments'],
  ['reported', 'reported time'],
  ['occurred', 'occurred time'],
  ['recorded', 'recorded time'],
];

function caption(answer, view) {
  const reports = answer.entries.filter((entry) => entry.kind === 'report').length;
  const facts = answer.entries.length - reports;
  const when = view.atPosition ? `At log position ${view.atPosition}` : view.asOf ? `As of ${formatInstant(view.asOf)} on the ${view.clock} clock` : 'Latest';
  const empty = answer.entries.length === 0 && !view.asOf && !view.atPosition ? ' Nothing reported yet: add a report below.' : '';
  const developments = answer.developments ? `${answer.developments.length} key ${answer.developments.length === 1 ? 'development' : 'developments'} from ` : '';
  return `${when}: ${developments}${reports} ${reports === 1 ? 'report' : 'reports'}, ${facts} ${facts === 1 ? 'fact' : 'facts'} (log position ${answer.position}).${empty}`;
}

/** A key development as the chart and the list draw it: one claim on its day, in its first outlet's lane. */
function developmentEntry(development) {
  return {
    ...development,
    id: `claim:${development.claimId}`,
    kind: 'development',
    lane: development.firstReport.outlet,
    source: development.firstReport.outlet,
    reportedAt: development.firstReport.reportedAt,
  };
}

/** Lines between the developments of claims that contradict each other (each pair once). */
function developmentLinks(developments) {
  const shown = new Set(developments.map((development) => development.claimId));
  return developments.flatMap((development) =>
    development.contradictedBy
      .filter((other) => shown.has(other) && development.claimId < other)
      .map((other) => ({ id: `${development.claimId}|${other}`, fromFactId: `claim:${development.claimId}`, toFactId: `claim:${other}`, kind: 'contradicts' })),
  );
}

/**
 * Every page of a timeline view: the first page pins the view's position, and each `next`
 * cursor asks for the following page of exactly that view.
 */
async function fetchWholeTimeline(ref, query) {
  const path = `/stories/${encodeURIComponent(ref)}/timeline`;
  const { body: first } = await api(path, { query });
  const entries = [...first.entries];
  const links = [...(first.links ?? [])];
  for (let next = first.next; next; ) {
    const { body: page } = await api(path, { query: { cursor: next } });
    entries.push(...page.entries);
    links.push(...(page.links ?? []));
    next = page.next;
  }
  return { ...first, entries, links, next: null };
}

/** One story: its timeline with the as-of slider, replay, details, the entries list and ingest. */
class StoryPage {
  constructor(main, ref) {
    this.main = main;
    this.ref = ref;
    this.view = { order: 'developments', asOf: null, clock: 'reported', atPosition: null };
    this.answer = null;
    this.loads = 0;
  }

  async open() {
    this.archive = await loadArchive(this.ref);
    const latest = await this.fetch(this.view);
    const archive = this.archive;
    this.build(latest.story);
    this.latest = latest;
    this.slider.setBounds(latest.entries);
    this.player.setEvents(archive.events, archive);
    this.show(latest, { fit: true });
    await this.membership.load(latest.entries);
  }

  /** After a merge, the story it went into (the old slug now answers with it); after a split, this story again. */
  async membershipChanged({ goTo }) {
    if (goTo && location.hash !== `#/stories/${encodeURIComponent(goTo)}`) {
      location.hash = `#/stories/${encodeURIComponent(goTo)}`;
      return;
    }
    Object.assign(this.view, { atPosition: null, asOf: null });
    this.archive = await loadArchive(this.ref);
    this.player.setEvents(this.archive.events, this.archive);
    const latest = await this.fetch(this.view);
    this.latest = latest;
    this.slider.setBounds(latest.entries);
    this.show(latest, { fit: true });
    await this.membership.load(latest.entries);
  }

  build(story) {
    document.title = `${story.title} · Storyline`;
    this.status = h('p', { class: 'view-caption', role: 'status', 'aria-live': 'polite' });
    this.slider = new AsOfSlider((asOf) => this.asOfChanged(asOf));
    this.player = new ReplayPlayer({ onStep: (event) => this.replayStep(event), onLeave: () => this.replayLeft() });
    this.details = new DetailPanel((id) => this.choose(id, { focus: true }));
    this.links = new LinkList((id) => this.choose(id, { focus: true }));
    this.list = new EntryList((id) => this.choose(id, { focus: true }));
    this.ingest = new IngestForm(story.slug, (answer) => this.ingested(answer));
    this.membership = new MembershipPanel(story, (change) => this.membershipChanged(change));
    const chartArea = h('div', { id: 'chart', class: 'chart', role: 'region', 'aria-label': 'Timeline: one lane per source; choose an item for its details' });
    this.main.replaceChildren(
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Stories'), ' / ', story.slug),
      h('h1', {}, story.title),
      ...(story.mergedFrom ? [h('p', { class: 'merged-note', role: 'note' }, `“${story.mergedFrom.slug}” was merged into this story; its reports are here.`)] : []),
      h('div', { class: 'controls' }, this.axisControl(), this.slider.element, this.player.element),
      this.status,
      h('div', { class: 'story-layout' }, h('div', { class: 'chart-column' }, chartArea, this.legend(), this.links.element), this.details.element),
      this.list.element,
      this.ingest.element,
      this.membership.element,
    );
    this.chart = new TimelineChart(chartArea, (id) => this.choose(id));
  }

  axisControl() {
    const radios = AXES.map(([value, text]) =>
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'axis', value, checked: value === this.view.order, onchange: () => this.axisChanged(value) }), ` ${text}`),
    );
    return h('fieldset', { class: 'control axis' }, h('legend', {}, 'Place items on'), radios);
  }

  legend() {
    const key = (className, text) => h('li', {}, h('span', { class: `swatch ${className}`, 'aria-hidden': 'true' }), text);
    return h('ul', { class: 'legend', 'aria-label': 'Legend' }, key('development', 'key development (#rank · outlets carrying it)'), key('report', 'report'), key('fact', 'fact'), key('fuzzy', 'fuzzy occurred interval'), key('contradicted', 'contradicted fact'));
  }

  /** The timeline (reports and facts: lanes, details, the slider's bounds), and in the key-developments view the developments too. */
  async fetch(view) {
    const asOf = { atPosition: view.atPosition, asOf: view.atPosition ? null : view.asOf, clock: view.asOf && !view.atPosition ? view.clock : null };
    const story = `/stories/${encodeURIComponent(this.ref)}`;
    const developments = view.order === 'developments';
    const [timeline, key] = await Promise.all([
      fetchWholeTimeline(this.ref, { order: developments ? 'reported' : view.order, ...asOf }),
      developments ? api(`${story}/developments`, { query: { ...asOf, atPosition: view.atPosition } }) : null,
    ]);
    const answer = { ...timeline, entries: timeline.entries.map((entry) => ({ ...entry, lane: this.laneOf(entry) })) };
    return key ? { ...answer, developments: key.body.developments.map(developmentEntry) } : answer;
  }

  /** A report with no named outlet gets a lane named by what is known of it (its dateline). */
  laneOf(entry) {
    if (entry.source !== 'unknown outlet') return entry.source;
    const report = this.archive?.report(entry.reportId);
    return outletLabel(report?.outlet ?? null, report?.dateline ?? null);
  }

  /** Loads the current view; an answer that arrives after a newer request is dropped. */
  async reload({ fit = false } = {}) {
    const load = ++this.loads;
    try {
      const answer = await this.fetch(this.view);
      if (load === this.loads) this.show(answer, { fit });
    } catch (error) {
      if (load === this.loads && error.status !== 401) this.status.textContent = describeError(error);
    }
  }

  show(answer, { fit }) {
    this.answer = answer;
    this.byId = new Map([...answer.entries, ...(answer.developments ?? [])].map((entry) => [entry.id, entry]));
    const links = (answer.links ?? []).filter((link) => this.byId.has(link.fromFactId) && this.byId.has(link.toFactId));
    const lanes = answer.entries.map((entry) => entry.lane);
    if (answer.developments) this.chart.render(answer.developments, developmentLinks(answer.developments), this.view.order, { fit, lanes });
    else this.chart.render(answer.entries, links, this.view.order, { fit, lanes });
    this.links.render(answer.links === undefined ? null : links, this.byId);
    this.list.render(answer.developments ?? answer.entries);
    this.status.textContent = caption(answer, this.view);
    if (this.details.shown && !this.byId.has(this.details.shown)) this.details.clear();
  }

  choose(id, { focus = false } = {}) {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.chart.select(id, { focus });
    const context = { archive: this.archive, links: this.answer.links ?? [], entriesById: this.byId, entries: this.answer.entries };
    if (entry.kind === 'development') this.details.showDevelopment(entry, context);
    else if (entry.kind === 'fact') this.details.showFact(entry, context);
    else this.details.showReport(entry, context);
    if (focus) this.details.element.focus({ preventScroll: false });
  }

  axisChanged(order) {
    this.view.order = order;
    this.reload({ fit: true });
  }

  asOfChanged(asOf) {
    this.player.leave({ quiet: true });
    Object.assign(this.view, { atPosition: null, asOf: asOf?.asOf ?? null, clock: asOf?.clock ?? 'reported' });
    this.reload();
  }

  async replayStep(event) {
    // Frame the whole story once, so each step's items appear where they will stay.
    if (this.view.atPosition === null) {
      const frame = this.view.order === 'developments' ? (this.latest.developments ?? []) : this.latest.entries;
      this.chart.render(frame, [], this.view.order, { fit: true, lanes: this.latest.entries.map((entry) => entry.lane) });
    }
    Object.assign(this.view, { atPosition: event.position, asOf: null });
    this.slider.showReplay(event.position);
    await this.reload();
    const touched = event.data?.factId ?? event.data?.reportId ?? event.data?.fromFactId ?? null;
    if (this.view.order !== 'developments') this.chart.select(touched);
  }

  replayLeft() {
    Object.assign(this.view, { atPosition: null, asOf: null });
    this.slider.toLatest();
    this.reload();
  }

  async ingested(answer) {
    this.player.leave({ quiet: true });
    Object.assign(this.view, { atPosition: null, asOf: null });
    this.archive = await loadArchive(this.ref);
    this.player.setEvents(this.archive.events, this.archive);
    const latest = await this.fetch(this.view);
    this.latest = latest;
    this.slider.setBounds(latest.entries);
    this.show(latest, { fit: true });
    this.choose(answer.reportId);
    await this.membership.load(latest.entries);
  }

  close() {
    this.player?.pause();
    this.slider?.stop();
    this.chart?.destroy();
  }
}

export async function showStory(main, ref) {
  const page = new StoryPage(main, ref);
  await page.open();
  return () => page.close();
}
