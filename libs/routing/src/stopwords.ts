/**
 * English function words and the reporting verbs every news report uses. Generic on purpose:
 * nothing here may name a topic (held-out topics are scored with the same list); rarer
 * common words are left to inverse document frequency.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost along already also although always am among an and another any anyone
  anything are around as at back be became because become been before being below between both but by can cannot could
  did do does doing done down during each either else even ever every few for from further get gets getting give given
  go goes going got had has have having he her here hers herself him himself his how however i if in into is it its
  itself just last least less let like made make makes many may me might more most much must my myself near neither
  never next no nor not now of off often on once one only or other others our ours ourselves out over own per perhaps
  put rather really same say said says saying see seen several she should since so some still such than that the their
  theirs them themselves then there these they this those though through thus to too toward towards under until up
  upon us very via was we well were what whatever when where whether which while who whom whose why will with within
  without would yet you your yours yourself told tell tells according asked added statement reported reports report
  reporting news told week weeks day days month months year years today yesterday tomorrow monday tuesday wednesday
  thursday friday saturday sunday time times people first second third two three four five six seven eight nine ten
  new including including told way part percent mr mrs ms don didn doesn isn wasn weren won aren hasn haven hadn
  couldn wouldn shouldn can't it's that's there's what's he's she's they're we're i'm i've we've you've let's`.split(/\s+/).filter(Boolean),
);
