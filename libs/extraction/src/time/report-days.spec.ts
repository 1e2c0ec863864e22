import { reportDayMentions } from './report-days';

// A Thursday.
const PUBLISHED = '2011-03-24T10:00:00.000Z';

describe('reportDayMentions', () => {
  it('finds explicit and relative days in every sentence, counting sentences and the first one', () => {
    const text = [
      'Coalition jets struck air defences on Tuesday, officials said.',
      'The Security Council voted on March 17 to authorise force.',
      'Diplomats met again yesterday.',
      'On 17 March the vote passed ten to none.',
    ].join(' ');
    const days = reportDayMentions(text, PUBLISHED);
    expect(days).toEqual([
      { day: '2011-03-22', sentences: 1, firstSentence: 0, calendar: false },
      { day: '2011-03-17', sentences: 2, firstSentence: 1, calendar: true },
      { day: '2011-03-23', sentences: 1, firstSentence: 2, calendar: false },
    ]);
  });

  it('leaves out days after publication, weeks, months and page stamps', () => {
    const text = 'BEIRUT | Fri Jun 3, 2011 3:22pm BST\nTalks will resume on Friday. Fighting went on last week and in February. The envoy arrives on April 2.';
    expect(reportDayMentions(text, PUBLISHED)).toEqual([]);
  });

  it('reads the publication day itself ("today") and a sentence split over lines', () => {
    expect(reportDayMentions('Rebels retook the town today\nafter heavy fighting', PUBLISHED).map((mention) => mention.day)).toEqual(['2011-03-24']);
  });

  it('needs a readable publication date to resolve relative days', () => {
    expect(reportDayMentions('The army shelled the city on Tuesday.', null)).toEqual([]);
    expect(reportDayMentions('The army shelled the city on Tuesday.', 'not a date')).toEqual([]);
  });
});
