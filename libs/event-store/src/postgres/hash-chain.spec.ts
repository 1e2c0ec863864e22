import { createHash } from 'node:crypto';
import { canonicalBody, canonicalEvent, canonicalJson, chainHash, chainHashFrom, GENESIS_HASH, type ChainedEventContent } from './hash-chain';

const opened: ChainedEventContent = {
  position: '1',
  eventId: '6f1e4a52-0c1d-4b7e-9a3f-2d5c8e9b0a11',
  streamId: 'story-0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b',
  streamRevision: '0',
  type: 'StoryOpened',
  schemaVersion: 1,
  recordedAt: '2026-11-22T09:30:00.123456Z',
  data: { storyId: '0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b', slug: 'witkoff-talks', title: 'Witkoff talks' },
  metadata: { actor: 'key:editor', correlationId: 'c-1', causationId: null },
};

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, A: 0 })).toBe('{"A":0,"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    // U+20AC (€) sorts before U+1F600 (😀, surrogates D83D DE00) by code unit, not by code point.
    expect(canonicalJson({ '\u{1F600}': 1, '\u20ac': 2, é: 3, e: 4 })).toBe('{"e":4,"é":3,"€":2,"😀":1}');
  });

  it('writes numbers in their shortest round-trip form and strings with minimal escapes', () => {
    expect(canonicalJson([1.0, -0, 1e21, 1e-7, 0.1, 123456789012345680000, 2 ** 53 + 2])).toBe('[1,0,1e+21,1e-7,0.1,123456789012345680000,9007199254740994]');
    expect(canonicalJson('tab\there "quote" \\ \u0001 é € \u2028')).toBe('"tab\\there \\"quote\\" \\\\ \\u0001 é € \u2028"');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
    expect(() => canonicalJson(1n)).toThrow(/bigint/);
  });
});

describe('chainHash', () => {
  it('is SHA-256 over the previous hash in hex followed by the canonical event', () => {
    const canonical = canonicalEvent(opened);
    expect(canonical).toBe(
      '{"data":{"slug":"witkoff-talks","storyId":"0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b","title":"Witkoff talks"},' +
        '"eventId":"6f1e4a52-0c1d-4b7e-9a3f-2d5c8e9b0a11","metadata":{"actor":"key:editor","causationId":null,"correlationId":"c-1"},' +
        '"position":"1","recordedAt":"2026-11-22T09:30:00.123456Z","schemaVersion":1,"streamId":"story-0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b",' +
        '"streamRevision":"0","type":"StoryOpened"}',
    );
    const expected = createHash('sha256').update(GENESIS_HASH + canonical, 'utf8').digest('hex');
    expect(chainHash(GENESIS_HASH, opened)).toBe(expected);
  });

  it('changes with any field, the position and the predecessor', () => {
    const base = chainHash(GENESIS_HASH, opened);
    expect(chainHash(GENESIS_HASH, { ...opened, position: '2' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...opened, recordedAt: '2026-11-22T09:30:00.123457Z' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...opened, data: { ...(opened.data as object), title: 'Witkoff talk' } })).not.toBe(base);
    expect(chainHash(base, opened)).not.toBe(base);
  });

  it('ignores key order and accepts only a well-formed previous hash', () => {
    const reordered = { ...opened, data: { title: 'Witkoff talks', slug: 'witkoff-talks', storyId: '0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b' } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, opened));
    expect(() => chainHash(GENESIS_HASH.toUpperCase().replace(/0/g, 'A'), opened)).toThrow(/64 lower-case hex/);
  });

  it('assembles the canonical text from a precomputed body exactly as canonicalJson writes the whole event', () => {
    const awkward: ChainedEventContent = {
      ...opened,
      eventId: '00000000-0000-4000-8000-00000000000a',
      streamId: 'story-"quoted"\\',
      type: 'Typé\n',
      position: '9007199254740993',
      data: { z: [1e21, -0, 'é'], a: null, '\u{1F600}': { b: true } },
      metadata: { actor: 'key:x', idempotencyKey: null },
    };
    for (const event of [opened, awkward]) {
      const { position, eventId, streamId, streamRevision, type, schemaVersion, recordedAt, data, metadata } = event;
      expect(canonicalEvent(event)).toBe(canonicalJson({ position, eventId, streamId, streamRevision, type, schemaVersion, recordedAt, data, metadata }));
      const body = canonicalBody(JSON.stringify(data), JSON.stringify(metadata));
      expect(chainHashFrom(GENESIS_HASH, event, body)).toBe(chainHash(GENESIS_HASH, event));
    }
  });
});
