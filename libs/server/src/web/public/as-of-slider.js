import { formatInstant, h } from './dom.js';

const DAY = 24 * 60 * 60 * 1000;
const MAX_DAYS = 400;
const SETTLE_MS = 150;

/**
 * The stops of the slider on one clock: every instant something happened, plus each
 * midnight between the first and the last (so "21 November" can be chosen), then "latest".
 */
export function stopsOf(instants) {
  const times = [...new Set(instants.filter(Boolean).map((value) => Date.parse(value)))].filter(Number.isFinite).sort((a, b) => a - b);
  if (times.length === 0) return [];
  const [first, last] = [times[0], times[times.length - 1]];
  if ((last - first) / DAY <= MAX_DAYS) {
    for (let day = Math.floor(first / DAY + 1) * DAY; day < last; day += DAY) times.push(day);
  }
  return [...new Set(times)].sort((a, b) => a - b);
}

/** "As of" on the reported or the recorded clock; the right end is the latest view. */
export class AsOfSlider {
  constructor(onChange) {
    this.onChange = onChange;
    this.stops = { reported: [], recorded: [] };
    this.clock = h('select', { id: 'as-of-clock', 'aria-label': 'Clock the as-of time applies to', onchange: () => this.clockChanged() }, h('option', { value: 'reported' }, 'reported clock (published)'), h('option', { value: 'recorded' }, 'recorded clock (stored)'));
    this.range = h('input', { id: 'as-of', type: 'range', min: 0, max: 0, step: 1, value: 0, 'aria-label': 'As of', oninput: () => this.moved() });
    this.output = h('output', { id: 'as-of-value', for: 'as-of', class: 'as-of-value' }, 'latest');
    this.element = h('fieldset', { class: 'control as-of' }, h('legend', {}, 'As of'), this.clock, h('div', { class: 'slider-row' }, this.range, this.output));
  }

  setBounds(entries) {
    this.stops = { reported: stopsOf(entries.map((entry) => entry.reportedAt)), recorded: stopsOf(entries.map((entry) => entry.recordedAt)) };
    this.toLatest();
  }

  current() {
    return this.stops[this.clock.value];
  }

  /** Back to the latest view without asking for it (the caller reloads anyway). */
  toLatest() {
    this.range.max = String(this.current().length);
    this.range.value = this.range.max;
    this.describe('latest: everything recorded so far');
  }

  showReplay(position) {
    this.range.value = this.range.max;
    this.describe(`replay at log position ${position}`);
  }

  clockChanged() {
    this.toLatest();
    this.range.focus();
    this.emit();
  }

  moved() {
    const index = Number(this.range.value);
    const at = this.current()[index];
    this.describe(at === undefined ? 'latest: everything recorded so far' : `${formatInstant(new Date(at).toISOString())}`);
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.emit(), SETTLE_MS);
  }

  emit() {
    const at = this.current()[Number(this.range.value)];
    this.onChange(at === undefined ? null : { clock: this.clock.value, asOf: new Date(at).toISOString() });
  }

  describe(text) {
    this.output.textContent = text;
    this.range.setAttribute('aria-valuetext', text);
  }

  stop() {
    clearTimeout(this.pending);
  }
}
