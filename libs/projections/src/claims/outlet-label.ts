/**
 * What a claim calls a report's outlet: its name as the report gave it, or, for a report that
 * names none, what is known of it ("outlet not named — Kyiv dateline"), never a guess.
 */
export function outletLabel(outlet: string | null, dateline: string | null): string {
  const named = outlet?.trim();
  if (named) return named;
  const place = datelinePlace(dateline);
  return place ? `outlet not named — ${place} dateline` : 'outlet not named';
}

/** The place a dateline opens with ("KYIV, Nov 20 (Reuters) -" → "Kyiv"), or null. */
export function datelinePlace(dateline: string | null): string | null {
  const head = dateline?.split(/[,|(—–\-]|\s\d/)[0]?.trim();
  if (!head || /^\d/.test(head) || !/\p{L}/u.test(head) || head.length > 40) return null;
  return head === head.toUpperCase() ? head.toLowerCase().replace(/(^|[\s'])\p{L}/gu, (letter) => letter.toUpperCase()) : head;
}
