import { ClaimIndex, groupClaims } from './claim-index';
import type { ClaimFact } from './types';

const fact = (id: string, reportId: string, outlet: string, reportedAt: string, statement: string, extra: Partial<ClaimFact> = {}): ClaimFact => ({
  id,
  reportId,
  outlet,
  reportedAt,
  statement,
  ...extra,
});

describe('ClaimIndex', () => {
  it('groups the same statement from two outlets into one claim, first report first', () => {
    const claims = groupClaims([
      fact('b1', 'rb', 'Reuters', '2011-03-20T00:00:00Z', 'The Security Council voted to authorise a no-fly zone over Libya.'),
      fact('a1', 'ra', 'CNN', '2011-03-18T00:00:00Z', 'The U.N. Security Council voted to authorise a no-fly zone over Libya on Thursday.'),
    ]);
    expect(claims).toHaveLength(1);
    expect(claims[0].first).toMatchObject({ factId: 'a1', outlet: 'CNN' });
    expect(claims[0].members.map((member) => [member.factId, member.role])).toEqual([
      ['a1', 'first'],
      ['b1', 'corroborates'],
    ]);
    expect(claims[0].members[1].rule).toBe('founds-claim');
    expect(claims[0].members[0].rule).toBe('same-wording');
    expect(claims[0].outlets).toEqual(['CNN', 'Reuters']);
  });

  it('says which rule and score joined each fact', () => {
    const index = new ClaimIndex();
    expect(index.add(fact('f1', 'r1', 'CNN', '2011-03-01T00:00:00Z', 'Rebels seized the oil town of Brega after heavy fighting.'))).toEqual({
      claimId: 'f1',
      founded: true,
      rule: 'founds-claim',
      score: 1,
    });
    const join = index.add(fact('f2', 'r2', 'CNN', '2011-03-02T00:00:00Z', 'Rebels seized the oil town of Brega after fighting.'));
    expect(join).toMatchObject({ claimId: 'f1', founded: false, rule: 'same-wording' });
    expect(join.score).toBeGreaterThanOrEqual(0.6);
    expect(index.claim('f1')!.members[1].role).toBe('repeats');
  });

  it('joins close wording only when the same actors are named', () => {
    const statementA = 'NATO warplanes struck Gaddafi forces near Misrata overnight, rebels said.';
    const statementB = 'Warplanes from NATO hit forces loyal to Gaddafi around Misrata, according to rebels.';
    const withActors = groupClaims([
      fact('a', 'r1', 'CNN', '2011-04-01T00:00:00Z', statementA, { entities: [{ name: 'NATO' }, { name: 'Misrata' }, { name: 'Muammar Gaddafi' }] }),
      fact('b', 'r2', 'Reuters', '2011-04-01T00:00:00Z', statementB, { entities: [{ name: 'NATO' }, { name: 'Misrata' }] }),
    ]);
    expect(withActors).toHaveLength(1);
    expect(withActors[0].members[1].rule).toBe('same-actors-close-wording');
    const withoutActors = groupClaims([
      fact('a', 'r1', 'CNN', '2011-04-01T00:00:00Z', statementA),
      fact('b', 'r2', 'Reuters', '2011-04-01T00:00:00Z', statementB),
    ]);
    expect(withoutActors).toHaveLength(2);
  });

  it('keeps apart the same wording about different days', () => {
    const day = (from: string) => ({ occurred: { from: `${from}T00:00:00.000Z`, to: null, precision: 'day' } });
    const claims = groupClaims([
      fact('a', 'r1', 'BBC', '2011-04-23T00:00:00Z', 'Security forces opened fire on protesters in Deraa after Friday prayers.', day('2011-04-22')),
      fact('b', 'r2', 'BBC', '2011-04-30T00:00:00Z', 'Security forces opened fire on protesters in Deraa after Friday prayers.', day('2011-04-29')),
    ]);
    expect(claims).toHaveLength(2);
  });

  it('dates a claim by the day most reports give, ignoring days after a report was published', () => {
    const at = (from: string, precision = 'day') => ({ occurred: { from: `${from}T00:00:00.000Z`, to: null, precision } });
    const statement = 'Gaddafi forces shelled the rebel-held city of Zawiyah.';
    const claims = groupClaims([
      fact('a', 'r1', 'CNN', '2011-03-06T00:00:00Z', statement),
      fact('b', 'r2', 'Reuters', '2011-03-06T00:00:00Z', statement, at('2011-03-05')),
      fact('c', 'r3', 'CNN', '2011-03-07T00:00:00Z', statement, at('2011-03-05')),
    ]);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ occurredDay: '2011-03-05', dayRule: 'occurred-day', reportCount: 3 });
    const scheduled = groupClaims([fact('s', 'r1', 'CNN', '2011-03-06T00:00:00Z', 'Ministers will meet in London on Tuesday.', at('2011-03-08'))]);
    expect(scheduled[0]).toMatchObject({ occurredDay: null, dayRule: 'undated' });
    const monthOnly = groupClaims([fact('m', 'r1', 'CNN', '2011-03-06T00:00:00Z', 'Protests began in February.', at('2011-02-01', 'month'))]);
    expect(monthOnly[0].occurredDay).toBeNull();
  });

  it('shows a contradiction on both claims once both facts are in', () => {
    const index = new ClaimIndex();
    index.add(fact('u', 'r1', 'Kyiv Post', '2025-11-20T00:00:00Z', 'Witkoff held back-channel talks with Ukrainian officials.'));
    index.addLink({ fromFactId: 'k', toFactId: 'u', kind: 'contradicts' });
    expect(index.claim('u')!.contradictedBy).toEqual([]);
    index.add(fact('k', 'r2', 'Newshub', '2025-11-27T00:00:00Z', 'Witkoff advised a Kremlin official on a peace plan.'));
    expect(index.claim('u')!.contradictedBy).toEqual(['k']);
    expect(index.claim('k')!.contradictedBy).toEqual(['u']);
  });

  it('answers the earlier join when a fact is added twice', () => {
    const index = new ClaimIndex();
    const first = index.add(fact('f', 'r1', 'CNN', '2011-03-01T00:00:00Z', 'The rebels took Ajdabiya.'));
    expect(index.add(fact('f', 'r1', 'CNN', '2011-03-01T00:00:00Z', 'The rebels took Ajdabiya.'))).toEqual(first);
    expect(index.claim('f')!.members).toHaveLength(1);
  });

  it('gives the same claims for the same facts in the same order', () => {
    const facts = Array.from({ length: 200 }, (_, n) =>
      fact(`f${n}`, `r${n % 17}`, n % 2 ? 'CNN' : 'Reuters', `2011-03-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00Z`, `Fighting in town ${n % 23} left ${n % 5} people dead on day ${n % 7}.`),
    );
    expect(JSON.stringify(groupClaims(facts))).toBe(JSON.stringify(groupClaims(facts)));
  });
});
