import { chainHash, GENESIS_HASH } from '@storyline/event-store';
import { verifyExport } from './verify-export';

const STORY = '0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b';
const STREAM = `story-${STORY}`;

/** A log of 12 events, every third of another stream (positions 3, 6, 9, 12), and the story's export of it. */
function exportLines(): string[] {
  let prevHash = GENESIS_HASH;
  let revision = 0;
  const events: object[] = [];
  for (let position = 1; position <= 12; position++) {
    const ours = position % 3 !== 0;
    const content = {
      position: String(position),
      eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      streamId: ours ? STREAM : 'story-other',
      streamRevision: String(ours ? revision++ : 0),
      type: position === 1 ? 'StoryOpened' : 'FactReported',
      schemaVersion: 1,
      recordedAt: `2026-11-22T09:30:${String(position).padStart(2, '0')}.000001Z`,
      data: position === 1 ? { storyId: STORY, slug: 'witkoff-talks', title: 'Witkoff talks' } : { n: position },
      metadata: { actor: 'key:editor', correlationId: 'c', causationId: null },
    };
    const hash = chainHash(prevHash, content);
    if (ours) events.push({ kind: 'event', ...content, prevHash, hash });
    prevHash = hash;
  }
  const story = { id: STORY, slug: 'witkoff-talks' };
  const head = { position: '12', hash: prevHash };
  const exportedAt = '2026-11-22T10:00:00.000Z';
  return [
    JSON.stringify({ kind: 'storyline-export', version: 1, algorithm: 'storyline-sha256-chain-v1', story, streamId: STREAM, exportedAt, head }),
    ...events.map((event) => JSON.stringify(event)),
    JSON.stringify({ kind: 'storyline-export-end', version: 1, story, exportedAt, count: events.length, head }),
  ];
}

const edit = (lines: string[], index: number, change: (line: Record<string, unknown>) => object): string[] =>
  lines.map((line, at) => (at === index ? JSON.stringify(change(JSON.parse(line))) : line));

describe('verifyExport', () => {
  const lines = exportLines();

  it('accepts an untouched export, with or without a final newline', async () => {
    const report = await verifyExport([...lines, '']);
    expect(report).toEqual({ ok: true, events: 8, story: { id: STORY, slug: 'witkoff-talks' }, head: { position: '12', hash: expect.any(String) }, firstPosition: '1', lastPosition: '11' });
  });

  it.each([
    ['changed data', edit(lines, 3, (line) => ({ ...line, data: { n: 99 } })), 4, /hash does not match/],
    ['a changed recorded time', edit(lines, 2, (line) => ({ ...line, recordedAt: '2026-11-22T09:30:02.000002Z' })), 3, /hash does not match/],
    ['a field the hash does not cover', edit(lines, 2, (line) => ({ ...line, verified: true })), 3, /field verified/],
    ['an event left out', lines.filter((_, at) => at !== 4), 5, /revision 4, expected 3/],
    ['two events swapped', [lines[0], lines[1], lines[3], lines[2], ...lines.slice(4)], 3, /revision 2, expected 1/],
    ['a broken link between neighbours', edit(lines, 2, (line) => ({ ...line, prevHash: 'a'.repeat(64) })), 3, /prevHash is not the hash of the event at 1/],
    ['a count that does not match', edit(lines, 9, (line) => ({ ...line, count: 7 })), 10, /says 7 events, the file has 8/],
    ['a cut-short file', lines.slice(0, 6), 7, /without its trailer/],
    ['lines after the trailer', [...lines, lines[1]], 11, /after the trailer/],
    ['a head differing from the last event', edit(lines, 0, (line) => ({ ...line, head: { position: '11', hash: 'b'.repeat(64) } })), 9, /differs from the head hash/],
    ['not an export', ['{"kind":"something-else"}'], 1, /not a Storyline export header/],
    ['not JSON', [lines[0], '{"kind":"event",'], 2, /not JSON/],
  ])('names the first bad line: %s', async (_what, tampered, line, problem) => {
    const report = await verifyExport(tampered);
    expect(report).toMatchObject({ ok: false, firstBadLine: line, problem: expect.stringMatching(problem) });
  });

  it('catches a consistent rewrite of one line only where a neighbour links to it', async () => {
    const forged = JSON.parse(lines[1]);
    forged.data = { n: 'rewritten' };
    const { kind: _kind, prevHash, hash: _hash, ...content } = forged;
    forged.hash = chainHash(prevHash, content);
    const report = await verifyExport(edit(lines, 1, () => forged));
    expect(report).toMatchObject({ ok: false, firstBadLine: 3, problem: expect.stringMatching(/prevHash is not the hash of the event at 1/) });
  });
});
