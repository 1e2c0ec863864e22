/** The place a dateline opens with ("KYIV, Nov 20 (Reuters) -" → "Kyiv"), or null; as the claims read model reads it. */
export function datelinePlace(dateline) {
  const head = dateline?.split(/[,|(—–-]|\s\d/)[0]?.trim();
  if (!head || /^\d/.test(head) || !/\p{L}/u.test(head) || head.length > 40) return null;
  return head === head.toUpperCase() ? head.toLowerCase().replace(/(^|[\s'])\p{L}/gu, (letter) => letter.toUpperCase()) : head;
}

/** An outlet as the report named it, or what is known of an unnamed one ("outlet not named — Kyiv dateline"). */
export function outletLabel(outlet, dateline) {
  const named = outlet?.trim();
  if (named) return named;
  const place = datelinePlace(dateline);
  return place ? `outlet not named — ${place} dateline` : 'outlet not named';
}
