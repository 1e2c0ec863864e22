import { randomUUID } from 'node:crypto';
import type { EventStore } from '@storyline/event-store';
import type { StoryEvent } from '@storyline/story-events';
import { addAlias, ingestReport, openStory, registerSource, tell } from './story-events';

/** The founding example (SPEC), told in two instalments so views can be taken in between. */
export interface FoundingStory {
  readonly storyId: string;
  readonly politicoId: string;
  /**
   * Report and fact ids by their letter: A, f1, f2 (Kyiv Post), B, f3, f4 (Newshub), C, f5 (no outlet);
   * D, f6 (Politico Europe) after the second instalment; E (Kyiv Post's correction) after the third.
   */
  readonly ids: Record<string, string>;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 15));

/** Politico registered; Kyiv Post on 20 Nov citing Politico; Newshub on 27 Nov; a report with no outlet or date. */
export async function tellFirstInstalment(store: EventStore): Promise<FoundingStory> {
  const politicoId = await registerSource(store, 'Politico', 'outlet');
  const storyId = await openStory(store, 'witkoff-talks', 'Witkoff back-channel talks');
  const a = await ingestReport(store, storyId, {
    outlet: 'Kyiv Post',
    publishedAt: '2025-11-20T09:00:00.000Z',
    headline: 'Witkoff held talks with Ukrainian officials',
    url: 'https://example.org/kyiv',
    facts: [
      {
        statement: 'Witkoff held back-channel talks with Ukrainian officials.',
        attributedTo: 'Politico',
        modality: 'reportedly',
        evidence: { start: 10, end: 70 },
        occurred: { from: '2025-11-01T00:00:00.000Z', to: '2025-11-20T00:00:00.000Z', precision: 'fuzzy' },
      },
      { statement: 'The talks took place in Miami.' },
    ],
  });
  await pause();
  const b = await ingestReport(store, storyId, {
    outlet: 'Newshub Editorial in Europe',
    publishedAt: '2025-11-27T12:00:00.000Z',
    facts: [
      {
        statement: 'Witkoff advised a Kremlin official.',
        attributedTo: 'sources familiar with the discussions',
        occurred: { from: '2025-09-01T00:00:00.000Z', to: '2025-11-27T00:00:00.000Z', precision: 'fuzzy' },
      },
      { statement: 'witkoff held back channel talks with Ukrainian officials', attributedTo: 'POLITICO' },
    ],
  });
  const c = await ingestReport(store, storyId, { outlet: null, publishedAt: null, facts: [{ statement: 'Talks continue.' }] });
  const ids = { A: a.reportId, f1: a.factIds[0], f2: a.factIds[1], B: b.reportId, f3: b.factIds[0], f4: b.factIds[1], C: c.reportId, f5: c.factIds[0] };
  return { storyId, politicoId, ids };
}

/** Later: a Politico Europe report dated 22 Nov arrives (D, f6), then "Politico Europe" becomes a Politico alias. */
export async function tellSecondInstalment(store: EventStore, story: FoundingStory): Promise<{ beforeAlias: bigint; end: bigint }> {
  await pause();
  const d = await ingestReport(store, story.storyId, {
    outlet: 'Politico Europe',
    publishedAt: '2025-11-22T08:00:00.000Z',
    facts: [{ statement: 'Witkoff advised a Kremlin official!' }],
  });
  Object.assign(story.ids, { D: d.reportId, f6: d.factIds[0] });
  await pause();
  const end = await addAlias(store, story.politicoId, 'Politico Europe');
  return { beforeAlias: d.position, end };
}

/** f1 as an analyst fixed its transcription: the 20 Nov report said "senior". */
export const AMENDED_F1 = 'Witkoff held back-channel talks with senior Ukrainian officials.';
/** f1 as Kyiv Post corrected it on 28 Nov. */
export const CORRECTED_F1 = 'Witkoff held back-channel talks with senior Ukrainian and Russian officials.';

/** What the third instalment added. */
export interface Revisions {
  /** The log's head just before the amendment. */
  readonly beforeAmendment: bigint;
  readonly contradictionId: string;
  readonly repeatId: string;
  readonly end: bigint;
}

/**
 * Later still, each step by its actor: an analyst amends f1; Kyiv Post publishes a correction
 * of f1 (E, 28 Nov 10:00) and withdraws f2 (28 Nov 15:00); analysts link f3 as contradicting
 * f1, dispute f1, and link f4 as repeating f1.
 */
export async function tellThirdInstalment(store: EventStore, story: FoundingStory): Promise<Revisions> {
  const { storyId, ids } = story;
  const step = async (actor: string, event: StoryEvent): Promise<bigint> => {
    await pause();
    return tell(store, storyId, [event], actor);
  };
  const beforeAmendment = await store.headPosition();
  await step('analyst:olena', { type: 'FactAmended', data: { storyId, factId: ids.f1, changes: { statement: AMENDED_F1 }, reason: 'the transcription dropped "senior"' } });
  ids.E = (await ingestReport(store, storyId, { outlet: 'Kyiv Post', publishedAt: '2025-11-28T10:00:00.000Z', headline: 'Correction' })).reportId;
  await step('editor:marta', {
    type: 'FactCorrected',
    data: { storyId, factId: ids.f1, changes: { statement: CORRECTED_F1 }, reason: 'Kyiv Post named both sides', correctedAt: '2025-11-28T10:00:00.000Z', reportId: ids.E },
  });
  await step('editor:marta', { type: 'FactRetracted', data: { storyId, factId: ids.f2, reason: 'Kyiv Post withdrew the venue', retractedAt: '2025-11-28T15:00:00.000Z', reportId: null } });
  const contradictionId = randomUUID();
  await step('analyst:olena', {
    type: 'FactsLinked',
    data: { storyId, linkId: contradictionId, fromFactId: ids.f3, toFactId: ids.f1, kind: 'contradicts', reason: 'a Kremlin official, not Ukrainian officials' },
  });
  await step('analyst:petro', { type: 'VerdictRecorded', data: { storyId, factId: ids.f1, verdict: 'disputed', reason: 'Newshub contradicts it' } });
  const repeatId = randomUUID();
  const end = await step('analyst:olena', { type: 'FactsLinked', data: { storyId, linkId: repeatId, fromFactId: ids.f4, toFactId: ids.f1, kind: 'repeats', reason: null } });
  return { beforeAmendment, contradictionId, repeatId, end };
}

/** The founding story told in full (all three instalments) to a running harness, and projected. */
export async function tellWholeStory(harness: { store: EventStore; runner: { waitFor(position: bigint, timeoutMs: number): Promise<boolean> } }): Promise<{ story: FoundingStory; revisions: Revisions }> {
  const story = await tellFirstInstalment(harness.store);
  await tellSecondInstalment(harness.store, story);
  const revisions = await tellThirdInstalment(harness.store, story);
  if (!(await harness.runner.waitFor(revisions.end, 5000))) throw new Error(`the projections did not reach position ${revisions.end} within 5 s`);
  return { story, revisions };
}
