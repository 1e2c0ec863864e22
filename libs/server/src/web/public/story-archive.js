import { api } from './api.js';

const PAGE = 1000;
const FACT_EVENTS = new Set(['FactReported', 'FactAmended', 'FactCorrected', 'FactRetracted', 'VerdictRecorded']);

/**
 * A story's events from the replay API, read once per view: the report texts (the timeline
 * does not carry them), each fact's evidence span and history, and the steps of playback.
 */
export class StoryArchive {
  constructor(events) {
    this.events = events;
    this.reports = new Map();
    this.factSteps = new Map();
    for (const event of events) this.add(event);
  }

  add(event) {
    const data = event.data ?? {};
    if (event.type === 'ReportIngested') this.reports.set(data.reportId, data);
    if (FACT_EVENTS.has(event.type)) this.stepsOf(data.factId).push(event);
    if (event.type === 'FactsLinked') {
      this.stepsOf(data.fromFactId).push(event);
      this.stepsOf(data.toFactId).push(event);
    }
  }

  stepsOf(factId) {
    if (!this.factSteps.has(factId)) this.factSteps.set(factId, []);
    return this.factSteps.get(factId);
  }

  report(reportId) {
    return this.reports.get(reportId) ?? null;
  }

  /** The evidence as last recorded: an amendment or a correction may move it. */
  evidence(factId) {
    let evidence = null;
    for (const event of this.factSteps.get(factId) ?? []) {
      if (event.type === 'FactReported') evidence = event.data.evidence;
      if (event.data.changes?.evidence) evidence = event.data.changes.evidence;
    }
    return evidence;
  }

  /** The statement as last recorded, for describing events that only carry the fact's id. */
  factStatement(factId) {
    let statement = '';
    for (const event of this.factSteps.get(factId) ?? []) statement = event.data.changes?.statement ?? event.data.statement ?? statement;
    return statement;
  }

  /** What happened to a fact, in log order: the lineage when the API cannot give one. */
  history(factId) {
    return (this.factSteps.get(factId) ?? []).map((event) => ({
      kind: event.type,
      at: event.recordedAt,
      position: event.position,
      reportId: event.data.reportId ?? null,
      reason: event.data.reason ?? null,
      detail: event.data.verdict ?? event.data.kind ?? null,
    }));
  }
}

/** Every event of the story, page by page. */
export async function loadArchive(ref) {
  const events = [];
  let after = 0;
  for (;;) {
    const { body } = await api(`/stories/${encodeURIComponent(ref)}/replay`, { query: { state: 'none', limit: PAGE, after } });
    events.push(...body.events);
    if (body.next === null || body.next === undefined || body.events.length === 0) break;
    after = body.next;
  }
  return new StoryArchive(events);
}
