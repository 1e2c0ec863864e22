/**
 * Builds an element. Attributes named on<event> become listeners; children that are
 * strings become text nodes, so report text can never be read as HTML.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** "21 Nov 2025" at midnight UTC, otherwise "22 Nov 2026, 13:56:15.616 UTC": every time the API gives is UTC. */
export function formatInstant(value) {
  if (value === null || value === undefined) return 'unknown';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const time = date.toISOString().slice(11, 23).replace(/\.000$/, '');
  return time === '00:00:00' ? DAY.format(date) : `${DAY.format(date)}, ${time} UTC`;
}

/** Replaces an element's children, skipping null and false and flattening lists. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Shortens a label for the chart; the full text stays in the details and the list. */
export function shorten(text, max = 70) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
