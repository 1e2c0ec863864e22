import { groupClaims } from './claim-index';
import { keyDevelopments, topDays } from './key-developments';
import type { ClaimFact, ReportDay } from './types';

const on = (day: string) => ({ occurred: { from: `${day}T00:00:00.000Z`, to: null, precision: 'day' } });
let n = 0;
const fact = (reportId: string, outlet: string, published: string, statement: string, occurredDay?: string): ClaimFact => ({
  id: `f${(n += 1)}`,
  reportId,
  outlet,
  reportedAt: `${published}T00:00:00.000Z`,
  statement,
  ...(occurredDay ? on(occurredDay) : {}),
});

describe('keyDevelopments', () => {
  const facts = [
    fact('r1', 'CNN', '2011-03-18', 'The Security Council voted for a no-fly zone over Libya.', '2011-03-17'),
    fact('r2', 'Reuters', '2011-03-18', 'The Security Council voted for a no-fly zone over Libya.', '2011-03-17'),
    fact('r3', 'Reuters', '2011-08-30', 'The Security Council voted for a no-fly zone over Libya.', '2011-03-17'),
    fact('r2', 'Reuters', '2011-03-18', 'Rebels held the eastern town of Ajdabiya under shelling.', '2011-03-18'),
    fact('r4', 'CNN', '2011-03-19', 'A minister resigned in protest.', '2011-03-18'),
    fact('r4', 'CNN', '2011-03-19', 'Analysts expect a long conflict.'),
  ];

  it('puts each dated claim on its day and ranks the days by the reports that carry them', () => {
    const view = keyDevelopments(groupClaims(facts));
    expect(view.days.map((day) => day.day)).toEqual(['2011-03-17', '2011-03-18']);
    expect(view.days[0]).toMatchObject({ reportCount: 3, outletCount: 2 });
    expect(view.days[0].developments[0]).toMatchObject({ outletCount: 2, reportCount: 3 });
    expect(view.undated).toBe(1);
  });

  it('weighs a report that still names the day weeks later above one from the same day', () => {
    const view = keyDevelopments(groupClaims(facts));
    const flat = keyDevelopments(groupClaims(facts), { reportWeight: () => 1 });
    expect(flat.days[0].score).toBe(3);
    expect(view.days[0].score).toBeGreaterThan(3);
  });

  it('weighs a report that names the day as a calendar date above one that names it relative to itself', () => {
    const twoDays = [
      fact('r5', 'CNN', '2011-04-02', 'Protesters marched in Deraa on Friday.', '2011-04-01'),
      fact('r6', 'BBC', '2011-04-02', 'The army entered Homs on Friday.', '2011-04-01'),
      fact('r7', 'CNN', '2011-04-02', 'The cabinet resigned on March 29.', '2011-03-29'),
      fact('r8', 'BBC', '2011-04-02', 'On 29 March the government stepped down.', '2011-03-29'),
    ];
    const flatGap = { reportWeight: () => 1 };
    const view = keyDevelopments(groupClaims(twoDays), flatGap);
    expect(view.days.map((day) => [day.day, day.score])).toEqual([
      ['2011-03-29', 3],
      ['2011-04-01', 2],
    ]);
    const off = keyDevelopments(groupClaims(twoDays), { ...flatGap, calendarDateWeight: 1 });
    expect(off.days.map((day) => day.score)).toEqual([2, 2]);
  });

  it('ranks the developments of a day by outlets, then reports', () => {
    const day = keyDevelopments(groupClaims(facts)).days.find((entry) => entry.day === '2011-03-18')!;
    expect(day.developments).toHaveLength(2);
    expect(day.developments.map((development) => development.statement)).toEqual([
      'Rebels held the eastern town of Ajdabiya under shelling.',
      'A minister resigned in protest.',
    ]);
  });

  it('leaves out claims carried by fewer reports than asked', () => {
    const view = keyDevelopments(groupClaims(facts), { minReports: 2 });
    expect(view.days.map((day) => day.day)).toEqual(['2011-03-17']);
  });

  it('gives the top k days in date order', () => {
    expect(topDays(keyDevelopments(groupClaims(facts)), 1)).toEqual(['2011-03-17']);
    expect(topDays(keyDevelopments(groupClaims(facts)), 5)).toEqual(['2011-03-17', '2011-03-18']);
  });

  it('sets aside one outlet\'s template text and history long before the story began', () => {
    const template = Array.from({ length: 12 }, (_, index) =>
      fact(`t${index}`, 'CNN', `2011-03-${String(index + 1).padStart(2, '0')}`, 'Comments posted on 7 March are not pre-screened before they post.', '2011-03-07'),
    );
    const history = fact('r9', 'Reuters', '2011-03-20', 'Gaddafi seized power in a coup in 1969.', '1969-09-01');
    const view = keyDevelopments(groupClaims([...facts, ...template, history]));
    expect(view.templates).toHaveLength(1);
    expect(view.days.map((day) => day.day)).not.toContain('2011-03-07');
    expect(view.background.map((development) => development.day)).toEqual(['1969-09-01']);
    expect(keyDevelopments(groupClaims([...facts, ...template]), { templateMinReports: 20 }).templates).toEqual([]);
  });

  describe('ranked by later mentions', () => {
    const named = (reportId: string, published: string, day: string, outlet = 'CNN'): ReportDay => ({ reportId, outlet, reportedAt: `${published}T00:00:00.000Z`, day });

    it('ranks days by the distinct reports published a day or more later that name them', () => {
      // 03-18 carries the most claim reports, but only 03-17 is looked back at by later reports.
      const reportDays = [
        named('r3', '2011-08-30', '2011-03-17'), named('r4', '2011-03-19', '2011-03-17'), named('r4', '2011-03-19', '2011-03-18'),
        named('r2', '2011-03-18', '2011-03-18'), named('r1', '2011-03-18', '2011-03-18'), named('r3', '2011-08-30', '2011-03-17'),
      ];
      const view = keyDevelopments(groupClaims(facts), {}, reportDays);
      expect(view.ranking).toEqual({ name: 'later-mentions', version: 1 });
      expect(view.days.map((day) => [day.day, day.score, day.laterMentions])).toEqual([
        ['2011-03-17', 2, 2],
        ['2011-03-18', 1, 1],
      ]);
      expect(keyDevelopments(groupClaims(facts)).ranking).toEqual({ name: 'claim-reports', version: 2 });
    });

    it('keeps a day only later reports name, with no developments, and leaves out background days', () => {
      const reportDays = [named('r4', '2011-03-19', '2011-03-10'), named('r3', '2011-08-30', '2011-03-10'), named('r3', '2011-08-30', '1969-09-01')];
      const view = keyDevelopments(groupClaims(facts), {}, reportDays);
      expect(view.days[0]).toMatchObject({ day: '2011-03-10', score: 2, developments: [] });
      expect(view.days.map((day) => day.day)).not.toContain('1969-09-01');
    });

    it('counts only the reports given, so the ranking as of an instant uses only reports visible then', () => {
      const reportDays = [named('a', '2011-03-20', '2011-03-18'), named('b', '2011-03-21', '2011-03-18'), named('c', '2011-04-01', '2011-03-17'), named('d', '2011-04-02', '2011-03-17'), named('e', '2011-04-03', '2011-03-17')];
      const asOf = (instant: string) => reportDays.filter((mention) => mention.reportedAt <= instant);
      expect(topDays(keyDevelopments(groupClaims(facts), {}, asOf('2011-03-25T00:00:00.000Z')), 1)).toEqual(['2011-03-18']);
      expect(topDays(keyDevelopments(groupClaims(facts), {}, reportDays), 1)).toEqual(['2011-03-17']);
    });
  });
});
