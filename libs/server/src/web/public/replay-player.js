import { formatInstant, h, shorten } from './dom.js';

/** One line a person can read for each event type; an unknown type shows its name. */
export function describeEvent(event, archive) {
  const data = event.data ?? {};
  const statement = (factId) => archive.factStatement(factId);
  switch (event.type) {
    case 'StoryOpened':
      return `Story opened: “${data.title}”`;
    case 'ReportIngested':
      return `Report by ${data.outlet ?? 'an unnamed outlet'}, published ${formatInstant(data.publishedAt)}`;
    case 'FactReported':
      return `Fact reported: “${shorten(data.statement ?? '', 90)}”`;
    case 'FactAmended':
      return `Fact amended (${data.reason}): “${shorten(statement(data.factId), 60)}”`;
    case 'FactCorrected':
      return `Fact corrected by the outlet (${data.reason})`;
    case 'FactRetracted':
      return `Fact retracted (${data.reason})`;
    case 'FactsLinked':
      return `Facts linked, ${data.kind}: “${shorten(statement(data.fromFactId), 40)}” → “${shorten(statement(data.toFactId), 40)}”`;
    case 'VerdictRecorded':
      return `Verdict ${data.verdict} (${data.reason})`;
    default:
      return event.type;
  }
}

/**
 * Steps through the story's events in log order; each step shows the timeline exactly as
 * it was at that event's position (the API's `atPosition`).
 */
export class ReplayPlayer {
  constructor({ onStep, onLeave }) {
    this.onStep = onStep;
    this.onLeave = onLeave;
    this.events = [];
    this.archive = null;
    this.index = -1;
    this.playing = false;
    const button = (label, text, onclick) => h('button', { type: 'button', 'aria-label': label, onclick }, text);
    this.playButton = button('Play the replay', 'Play', () => (this.playing ? this.pause() : this.play()));
    this.speed = h('select', { 'aria-label': 'Replay speed' }, h('option', { value: '1500' }, 'slow'), h('option', { value: '800', selected: true }, 'normal'), h('option', { value: '300' }, 'fast'));
    this.output = h('output', { class: 'replay-step', 'aria-live': 'polite' }, 'Not replaying: the latest view.');
    this.element = h(
      'fieldset',
      { class: 'control replay' },
      h('legend', {}, 'Replay'),
      h(
        'div',
        { class: 'button-row' },
        button('Back to the first event', 'First', () => this.goTo(0)),
        button('Step back one event', 'Back', () => this.goTo(Math.max(0, this.index - 1))),
        this.playButton,
        button('Step forward one event', 'Step', () => this.goTo(Math.min(this.events.length - 1, this.index + 1))),
        button('Leave the replay', 'Latest', () => this.leave()),
        this.speed,
      ),
      this.output,
    );
  }

  setEvents(events, archive) {
    this.events = events;
    this.archive = archive;
  }

  get active() {
    return this.index >= 0;
  }

  async goTo(index) {
    if (this.events.length === 0) return;
    this.index = index;
    const event = this.events[index];
    this.output.textContent = `Event ${index + 1} of ${this.events.length} · position ${event.position} · recorded ${formatInstant(event.recordedAt)} — ${describeEvent(event, this.archive)}`;
    await this.onStep(event);
  }

  async play() {
    this.playing = true;
    this.playButton.textContent = 'Pause';
    this.playButton.setAttribute('aria-label', 'Pause the replay');
    if (this.index < 0 || this.index >= this.events.length - 1) await this.goTo(0);
    while (this.playing && this.index < this.events.length - 1) {
      await new Promise((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, Number(this.speed.value));
      });
      if (this.playing) await this.goTo(this.index + 1);
    }
    this.pause();
  }

  pause() {
    this.playing = false;
    clearTimeout(this.timer);
    this.wake?.();
    this.playButton.textContent = 'Play';
    this.playButton.setAttribute('aria-label', 'Play the replay');
  }

  /** Back to the latest view; `quiet` when the caller shows another view itself. */
  leave({ quiet = false } = {}) {
    this.pause();
    const was = this.index;
    this.index = -1;
    this.output.textContent = 'Not replaying: the latest view.';
    if (!quiet && was >= 0) this.onLeave();
  }
}
