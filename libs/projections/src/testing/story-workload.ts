import type { EventStore } from '@storyline/event-store';
import { randomUUID } from 'node:crypto';
import { LINK_KINDS, VERDICTS, type Modality, type StoryEvent } from '@storyline/story-events';
import { addAlias, ingestReport, openStory, registerSource, tell, type FactInput } from './story-events';

export interface WorkloadShape {
  readonly stories: number;
  readonly reportsPerStory: number;
  readonly factsPerReport: number;
  /** Pause between reports, so that a projector has to follow a log that is still growing. */
  readonly pauseMs: number;
  readonly seed: number;
}

/** A small deterministic generator (mulberry32), so a failing run can be replayed by its seed. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['Politico', 'POLITICO', 'Kyiv Post', 'Newshub Editorial in Europe', 'Reuters', 'reuters ', null];
const MODALITIES: Modality[] = ['asserted', 'reportedly', 'allegedly', 'denial'];
const STATEMENTS = ['Talks were held in Miami.', 'A draft plan has 28 points.', 'Witkoff advised a Kremlin official.', 'The envoy met officials.'];

/**
 * Writes several stories whose reports interleave, with outlets spelled several ways,
 * statements repeated across outlets, missing dates and outlets, reports stored in the old
 * schema version, amendments, corrections, retractions, links and verdicts, and sources and
 * aliases registered part-way through. Answers the number of events appended.
 */
export async function writeWorkload(store: EventStore, shape: WorkloadShape): Promise<number> {
  const random = randomFrom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const storyIds: string[] = [];
  for (let index = 0; index < shape.stories; index++) storyIds.push(await openStory(store, `story-${shape.seed}-${index}`));
  const factsOf = new Map<string, string[]>(storyIds.map((storyId) => [storyId, []]));
  let events = shape.stories;
  const politico = await registerSource(store, 'Politico', 'outlet');
  events += 1;
  for (let round = 0; round < shape.reportsPerStory; round++) {
    if (round === Math.floor(shape.reportsPerStory / 2)) {
      await addAlias(store, politico, 'Politico Europe');
      await registerSource(store, 'Reuters', 'outlet', ['Thomson Reuters']);
      events += 3;
    }
    for (const storyId of storyIds) {
      const facts: FactInput[] = Array.from({ length: shape.factsPerReport }, (_, index) => ({
        statement: random() < 0.3 ? pick(STATEMENTS) : `Statement ${round}.${index} of ${storyId.slice(0, 8)}`,
        attributedTo: random() < 0.4 ? pick(['Politico', 'sources familiar with the discussions', 'Politico Europe']) : null,
        modality: pick(MODALITIES),
        occurred: random() < 0.5 ? { from: new Date(Date.UTC(2025, 8, 1 + Math.floor(random() * 80))).toISOString(), to: null, precision: 'day' } : null,
      }));
      const day = 1 + Math.floor(random() * 30);
      const publishedAt = random() < 0.1 ? null : new Date(Date.UTC(2025, 10, day, Math.floor(random() * 24))).toISOString();
      const legacy = random() < 0.2;
      const ingested = await ingestReport(store, storyId, { outlet: pick(OUTLETS), publishedAt, headline: random() < 0.5 ? `Headline ${round}` : null, facts, legacy });
      events += 1 + facts.length;
      factsOf.get(storyId)!.push(...ingested.factIds);
      const revised = revisions(storyId, factsOf.get(storyId)!, random);
      if (revised.length > 0) await tell(store, storyId, revised, pick(['analyst:a', 'editor:b']));
      events += revised.length;
    }
    if (shape.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, shape.pauseMs));
  }
  return events;
}

/** A few revisions of a story's facts so far: each kind now and then. */
function revisions(storyId: string, factIds: readonly string[], random: () => number): StoryEvent[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const at = (): string => new Date(Date.UTC(2025, 10, 1 + Math.floor(random() * 40))).toISOString();
  const events: StoryEvent[] = [];
  if (random() < 0.3) events.push({ type: 'FactAmended', data: { storyId, factId: pick(factIds), changes: { statement: `Amended ${random()}` }, reason: 'typo' } });
  if (random() < 0.2) {
    const changes = { statement: `Corrected ${random()}`, attributedTo: random() < 0.5 ? 'Politico Europe' : null };
    events.push({ type: 'FactCorrected', data: { storyId, factId: pick(factIds), changes, reason: 'outlet', correctedAt: at(), reportId: null } });
  }
  if (random() < 0.1) events.push({ type: 'FactRetracted', data: { storyId, factId: pick(factIds), reason: 'withdrawn', retractedAt: at(), reportId: null } });
  if (random() < 0.3) {
    const link = { storyId, linkId: randomUUID(), fromFactId: pick(factIds), toFactId: pick(factIds), kind: pick(LINK_KINDS), reason: random() < 0.5 ? 'why' : null };
    events.push({ type: 'FactsLinked', data: link });
  }
  if (random() < 0.2) events.push({ type: 'VerdictRecorded', data: { storyId, factId: pick(factIds), verdict: pick(VERDICTS), reason: 'checked' } });
  return events;
}
