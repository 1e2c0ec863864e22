/**
 * Kinds of relation between an actor and a counterpart, for comparing facts across reports.
 * Two facts with the same actor and the same kind of relation but different counterparts are
 * a candidate contradiction ("held talks with Ukrainian officials" vs "advised a Kremlin official").
 */
export const RELATION_VERBS: ReadonlyMap<string, string> = new Map([
  ['talk', 'contact'], ['speak', 'contact'], ['meet', 'contact'], ['advise', 'contact'], ['negotiate', 'contact'],
  ['discuss', 'contact'], ['communicate', 'contact'], ['consult', 'contact'], ['brief', 'contact'],
  ['confer', 'contact'], ['contact', 'contact'], ['call', 'contact'], ['phone', 'contact'], ['message', 'contact'],
  ['correspond', 'contact'], ['engage', 'contact'], ['liaise', 'contact'], ['counsel', 'contact'], ['lobby', 'contact'],
  ['pay', 'payment'], ['fund', 'payment'], ['finance', 'payment'], ['donate', 'payment'],
  ['attack', 'attack'], ['strike', 'attack'], ['bomb', 'attack'], ['shell', 'attack'], ['invade', 'attack'],
  ['sign', 'agreement'], ['agree', 'agreement'], ['approve', 'agreement'], ['endorse', 'agreement'],
  ['sue', 'legal'], ['charge', 'legal'], ['indict', 'legal'], ['arrest', 'legal'], ['investigate', 'legal'],
  ['appoint', 'appointment'], ['nominate', 'appointment'], ['hire', 'appointment'], ['fire', 'appointment'],
]);

/** Nouns that stand for a contact when a light verb carries them ("held talks", "engaged in discussions"). */
export const RELATION_NOUNS: ReadonlyMap<string, string> = new Map([
  ['talk', 'contact'], ['discussion', 'contact'], ['negotiation', 'contact'], ['conversation', 'contact'],
  ['communication', 'contact'], ['meeting', 'contact'], ['exchange', 'contact'], ['contact', 'contact'],
  ['overture', 'contact'], ['consultation', 'contact'], ['dialogue', 'contact'],
  ['payment', 'payment'], ['deal', 'agreement'], ['agreement', 'agreement'], ['lawsuit', 'legal'],
]);

/** Prepositions that introduce the counterpart after a relation ("talks with", "spoke to"). */
export const COUNTERPART_PREPOSITIONS: ReadonlySet<string> = new Set(['with', 'to', 'between']);

/** Heads too generic to tell two counterparts apart; their modifiers decide ("Kremlin official"). */
export const GENERIC_HEADS: ReadonlySet<string> = new Set([
  'official', 'officials', 'figure', 'figures', 'representative', 'representatives', 'member', 'members',
  'people', 'person', 'leader', 'leaders', 'envoy', 'envoys', 'senior', 'key', 'top', 'high-ranking',
  'government', 'a', 'an', 'the', 'some', 'several', 'within', 'of', 'and', 'linked', '-', 'its', 'their',
]);
