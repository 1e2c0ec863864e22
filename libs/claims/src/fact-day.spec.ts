import { statesCalendarDay } from './fact-day';

describe('statesCalendarDay', () => {
  it('finds the day named by month and day number, in either order', () => {
    expect(statesCalendarDay('The Security Council voted on March 17 to act.', '2011-03-17')).toBe(true);
    expect(statesCalendarDay('Protests began on Feb. 15, 2011.', '2011-02-15')).toBe(true);
    expect(statesCalendarDay('Observers arrived on 26 December.', '2011-12-26')).toBe(true);
    expect(statesCalendarDay('It happened on the 2nd of November.', '2011-11-02')).toBe(true);
  });

  it('does not count a relative day, another day of the month, or a longer number', () => {
    expect(statesCalendarDay('The Security Council voted on Thursday.', '2011-03-17')).toBe(false);
    expect(statesCalendarDay('The vote came on March 18.', '2011-03-17')).toBe(false);
    expect(statesCalendarDay('The vote came on March 1.', '2011-03-17')).toBe(false);
    expect(statesCalendarDay('The vote came on March 17.', '2011-03-01')).toBe(false);
  });
});
