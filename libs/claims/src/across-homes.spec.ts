import { joinAcrossHomes, type HomedClaim } from './across-homes';
import { signatureOf } from './signature';

const claim = (id: string, home: string, sequence: number, statement: string, entities: string[] = [], day: string | null = null): HomedClaim => ({
  id,
  home,
  sequence,
  signature: signatureOf(statement, entities),
  day,
});

describe('joinAcrossHomes', () => {
  const sanctions = 'The European Union imposed new sanctions on the Libyan central bank on Tuesday';

  it('joins the same claim stated in two homes into the earlier one', () => {
    const joins = joinAcrossHomes([claim('b1', 'story-b', 7, sanctions), claim('a1', 'story-a', 3, sanctions)]);
    expect([...joins.keys()]).toEqual(['b1']);
    expect(joins.get('b1')).toMatchObject({ claimId: 'a1', founded: false, rule: 'same-wording', score: 1 });
  });

  it('never joins two claims of one home: the projection kept them apart', () => {
    expect(joinAcrossHomes([claim('a1', 'story-a', 1, sanctions), claim('a2', 'story-a', 2, sanctions), claim('b1', 'story-b', 3, 'Rebels took the port of Brega')]).size).toBe(0);
  });

  it('takes at most one claim of each home into a group', () => {
    const joins = joinAcrossHomes([claim('a1', 'story-a', 1, sanctions), claim('b1', 'story-b', 2, sanctions), claim('b2', 'story-b', 3, sanctions), claim('c1', 'inbox', 4, sanctions)]);
    expect(Object.fromEntries([...joins].map(([id, join]) => [id, join.claimId]))).toEqual({ b1: 'a1', c1: 'a1' });
  });

  it('keeps apart different wording, and the same wording about different days', () => {
    const joins = joinAcrossHomes([
      claim('a1', 'story-a', 1, sanctions, [], '2011-03-01'),
      claim('b1', 'story-b', 2, sanctions, [], '2011-03-08'),
      claim('b2', 'story-b', 3, 'NATO aircraft struck government tanks near Misrata'),
    ]);
    expect(joins.size).toBe(0);
  });

  it('joins close wording when both name the same actors', () => {
    const joins = joinAcrossHomes([
      claim('a1', 'story-a', 1, 'Gaddafi forces shelled Misrata overnight, residents said', ['Gaddafi', 'Misrata']),
      claim('b1', 'story-b', 2, 'Forces loyal to Gaddafi shelled the city of Misrata', ['Gaddafi', 'Misrata']),
    ]);
    expect(joins.get('b1')).toMatchObject({ claimId: 'a1', rule: 'same-actors-close-wording' });
  });

  it('answers the same joins whatever order the claims come in', () => {
    const claims = [claim('a1', 'story-a', 1, sanctions), claim('b1', 'story-b', 2, sanctions), claim('c1', 'inbox', 3, 'Rebels took the port of Brega'), claim('a2', 'story-a', 4, 'Rebels took the port of Brega')];
    expect(joinAcrossHomes([...claims].reverse())).toEqual(joinAcrossHomes(claims));
  });
});
