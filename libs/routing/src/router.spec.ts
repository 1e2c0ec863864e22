import { DEFAULT_INBOX_POLICY, DEFAULT_ROUTER_CONFIG, ROUTER_VERSION, RoutingError } from './config';
import { Router } from './router';
import type { InboxPolicy, ReportFeatures } from './types';

/** Two invented stories with their own names and words, plus words every report shares. */
const TOPICS = {
  flood: { names: ['Ruritania', 'Strelsau', 'Rudolf Rassendyll', 'Zenda'], words: ['flood', 'river', 'levee', 'rain', 'evacuation', 'dam', 'sandbag'] },
  vote: { names: ['Zembla', 'Onhava', 'Charles Kinbote', 'Nova Zembla'], words: ['election', 'ballot', 'vote', 'parliament', 'candidate', 'turnout', 'poll'] },
};
const SHARED = ['government', 'officials', 'protest', 'forces', 'crisis'];
const AUTO: InboxPolicy = { autoJoinAt: 0, autoOpen: true, autoMergeAt: 2 };

function report(topic: keyof typeof TOPICS, index: number, day = 1 + index): ReportFeatures {
  const { names, words } = TOPICS[topic];
  const pick = <T>(list: readonly T[], count: number) => Array.from({ length: count }, (_, k) => list[(index + k * 3) % list.length]);
  const text = [...pick(words, 6), ...pick(SHARED, 1)].join(' ');
  const router = new Router();
  return router.features({
    reportId: `${topic}-${index}`,
    text,
    publishedAt: `2011-03-${String(day).padStart(2, '0')}T00:00:00.000Z`,
    extracted: { entities: pick(names, 3).map((name, k) => ({ name, mentions: Array.from({ length: k + 1 }, () => ({})) })) },
  });
}

/** Flood and vote reports alternating, as a mixed feed. */
function feed(count: number): ReportFeatures[] {
  return Array.from({ length: count }, (_, index) => report(index % 2 === 0 ? 'flood' : 'vote', Math.floor(index / 2)));
}

function routeAll(router: Router, reports: readonly ReportFeatures[], policy = AUTO) {
  let opened = 0;
  return reports.map((features) => router.route(features, policy, () => `story-${++opened}`));
}

/** 0 → "a", 25 → "z", 26 → "ba": numbers as letters (digits are not words). */
function letters(index: number): string {
  const digit = String.fromCharCode(97 + (index % 26));
  return index < 26 ? digit : letters(Math.floor(index / 26)) + digit;
}

describe('Router', () => {
  it('proposes a new story when there are none, and opens it or waits as the inbox says', () => {
    const router = new Router();
    const first = router.propose(report('flood', 0), AUTO);
    expect(first).toMatchObject({ reportId: 'flood-0', routerVersion: ROUTER_VERSION, outcome: { kind: 'open' } });
    expect(first.proposals).toEqual([{ storyId: null, score: 1, reasons: null }]);
    expect(router.propose(report('flood', 0), { ...AUTO, autoOpen: false }).outcome).toEqual({ kind: 'wait' });
  });

  it('keeps two unrelated stories apart and says why a report joined', () => {
    const router = new Router();
    const routed = routeAll(router, feed(20));
    const storyOf = new Map(routed.map((decision) => [decision.reportId, decision.storyId]));
    expect(new Set(routed.filter((decision) => decision.reportId.startsWith('flood')).map((decision) => decision.storyId))).toEqual(new Set(['story-1']));
    expect(new Set(routed.filter((decision) => decision.reportId.startsWith('vote')).map((decision) => decision.storyId))).toEqual(new Set(['story-2']));
    expect(storyOf.get('vote-9')).toBe('story-2');
    const last = routed[routed.length - 1];
    expect(last.outcome).toEqual({ kind: 'join', storyId: 'story-2' });
    expect(last.proposals[0].reasons!.sharedEntities.length).toBeGreaterThan(0);
    expect(last.proposals[0].reasons!.sharedEntities.every((name) => TOPICS.vote.names.map((n) => n.toLowerCase()).includes(name))).toBe(true);
    expect(last.proposals[0].score).toBeGreaterThan(last.proposals[1].score);
    expect(last.proposals[0].reasons!.daysApart).toBe(1); // vote-9 is a day after vote-8
  });

  it('sends a report below the inbox threshold to an analyst without joining it', () => {
    const router = new Router();
    routeAll(router, feed(6));
    const profiles = () => JSON.stringify(router.snapshot().stories.map(({ norms: _, ...profile }) => profile));
    const before = profiles();
    const decision = router.route(report('flood', 7), { ...AUTO, autoJoinAt: 1.01 }, () => 'never');
    expect(decision.outcome).toEqual({ kind: 'wait' });
    expect(decision.storyId).toBeNull();
    expect(decision.proposals[0].storyId).toBe('story-1');
    expect(profiles()).toBe(before);
  });

  it('reaches the same state when a rebuild replays observe and join without proposing', () => {
    const reports = feed(40);
    const live = new Router();
    const routed = routeAll(live, reports);
    const rebuilt = new Router();
    routed.forEach((decision, index) => {
      rebuilt.observe(reports[index]);
      if (decision.storyId !== null) rebuilt.join(decision.storyId, reports[index]);
    });
    expect(rebuilt.snapshot()).toEqual(live.snapshot());
  });

  it('routes the same feed the same way twice, down to the serialised state', () => {
    const [one, two] = [new Router(), new Router()];
    expect(routeAll(one, feed(30))).toEqual(routeAll(two, feed(30)));
    expect(JSON.stringify(one.snapshot())).toBe(JSON.stringify(two.snapshot()));
  });

  it('continues from a JSON snapshot exactly as the router it was taken from', () => {
    const reports = feed(40);
    const original = new Router();
    routeAll(original, reports.slice(0, 25));
    const restored = Router.restore(JSON.parse(JSON.stringify(original.snapshot())));
    let opened = 100;
    const rest = reports.slice(25);
    const fromOriginal = rest.map((features) => original.route(features, AUTO, () => `story-${++opened}`));
    opened = 100;
    const fromRestored = rest.map((features) => restored.route(features, AUTO, () => `story-${++opened}`));
    expect(fromRestored).toEqual(fromOriginal);
    expect(restored.snapshot()).toEqual(original.snapshot());
  });

  it('keeps a story profile bounded however many reports join it', () => {
    const router = new Router({ ...DEFAULT_ROUTER_CONFIG, profileEntities: 10, profileTerms: 15 });
    for (let index = 0; index < 200; index += 1) {
      const word = letters(index);
      router.join('story-1', router.features({ reportId: `r${index}`, text: `flood river term${word} other${word}`, extracted: { entities: [{ name: `Person ${index}`, mentions: [{}] }] } }));
    }
    const [story] = router.snapshot().stories;
    expect(story.reports).toBe(200);
    expect(story.entities.length).toBe(10);
    expect(story.terms.length).toBe(15);
    // Decay keeps the recent reports: the latest person is in the profile, the first is not.
    expect(story.entities.map(([name]) => name)).toContain('person 199');
    expect(story.entities.map(([name]) => name)).not.toContain('person 0');
  });

  it('proposes merging two stories opened for one topic, and merges them', () => {
    const router = new Router();
    const floods = Array.from({ length: 8 }, (_, index) => report('flood', index));
    floods.forEach((features, index) => router.join(index % 2 === 0 ? 'desk-a' : 'desk-b', features));
    Array.from({ length: 4 }, (_, index) => report('vote', index)).forEach((features) => router.join('desk-c', features));
    floods.forEach((features) => router.observe(features));
    const [best, next] = router.proposeMerges('desk-b');
    expect(best).toMatchObject({ fromId: 'desk-b', intoId: 'desk-a' });
    expect(best.score).toBeGreaterThan(next.score);
    router.merge(best.fromId, best.intoId);
    expect(router.storyIds()).toEqual(['desk-a', 'desk-c']);
    expect(router.snapshot().stories[0].reports).toBe(8);
  });

  it('takes a moved report back out of its old story’s profile', () => {
    const router = new Router();
    const flood = report('flood', 0);
    const vote = report('vote', 0);
    router.join('story-1', flood);
    router.join('story-1', vote);
    router.leave('story-1', vote);
    const [story] = router.snapshot().stories;
    expect(story.reports).toBe(1);
    expect(story.entities.map(([name]) => name).sort()).toEqual(flood.entities.map(([name]) => name).sort());
  });

  it('breaks equal scores by story id', () => {
    const router = new Router();
    const features = report('flood', 0);
    router.join('b-story', features);
    router.join('a-story', features);
    router.observe(features);
    const proposals = router.propose(features, AUTO).proposals;
    expect(proposals.map((proposal) => proposal.storyId)).toEqual(['a-story', 'b-story']);
    expect(proposals[0].score).toBe(proposals[1].score);
  });

  it('refuses a snapshot from another router version and a bad policy, naming the field', () => {
    const snapshot = { ...new Router().snapshot(), routerVersion: 'tfidf-centroid/0.0.1' };
    expect(() => Router.restore(snapshot)).toThrow(expect.objectContaining({ code: 'ROUTER.VERSION_MISMATCH', field: 'routerVersion' }));
    const router = new Router();
    expect(() => router.propose(report('flood', 0), { ...DEFAULT_INBOX_POLICY, autoJoinAt: Number.NaN })).toThrow(RoutingError);
    expect(() => router.propose(report('flood', 0), { ...DEFAULT_INBOX_POLICY, autoMergeAt: -1 })).toThrow(expect.objectContaining({ field: 'autoMergeAt' }));
    expect(() => router.leave('nowhere', report('flood', 0))).toThrow(expect.objectContaining({ code: 'STORY.UNKNOWN' }));
  });
});
