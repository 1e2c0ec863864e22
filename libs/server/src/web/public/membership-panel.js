import { api, describeError } from './api.js';
import { fill, formatInstant, h, shorten } from './dom.js';

const storyPath = (ref) => `/stories/${encodeURIComponent(ref)}`;

function describeChange(change, names) {
  const name = (id) => names.get(id) ?? id;
  const count = `${change.reportIds.length} ${change.reportIds.length === 1 ? 'report' : 'reports'}`;
  switch (change.kind) {
    case 'renamed':
      return `renamed from ${change.details.previousSlug} (“${change.details.previousTitle}”) to ${change.details.slug} (“${change.details.title}”)`;
    case 'merged':
      return `${name(change.storyId)} merged into ${name(change.toStoryId)} (${count})`;
    case 'split':
      return `${count} split from ${name(change.storyId)} into ${change.details.slug}`;
    default:
      return `${count} moved from ${name(change.storyId)} to ${name(change.toStoryId)}`;
  }
}

/**
 * A story's membership: its history (moves, splits, merges, renames, each with who and why),
 * and the forms that merge it into another story or split reports out of it into a new one.
 */
export class MembershipPanel {
  constructor(story, onChanged) {
    this.story = story;
    this.onChanged = onChanged;
    this.history = h('ol', { class: 'membership-history' });
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.into = h('input', { id: 'merge-into', name: 'into', autocomplete: 'off', required: true, placeholder: 'slug of the story that takes its reports' });
    this.mergeReason = h('input', { id: 'merge-reason', name: 'reason', autocomplete: 'off', required: true });
    this.reports = h('fieldset', { class: 'split-reports' }, h('legend', {}, 'Reports to split out'));
    this.slug = h('input', { id: 'split-slug', name: 'slug', autocomplete: 'off', required: true, placeholder: 'new-story-slug' });
    this.title = h('input', { id: 'split-title', name: 'title', autocomplete: 'off', required: true });
    this.splitReason = h('input', { id: 'split-reason', name: 'reason', autocomplete: 'off', required: true });
    const merge = h(
      'form',
      { class: 'stack merge-form', onsubmit: (event) => this.merge(event) },
      h('h3', {}, 'Merge this story into another'),
      h('label', { for: 'merge-into' }, 'Into story'),
      this.into,
      h('label', { for: 'merge-reason' }, 'Reason for the merge'),
      this.mergeReason,
      h('button', { type: 'submit' }, 'Merge'),
    );
    const split = h(
      'form',
      { class: 'stack split-form', onsubmit: (event) => this.split(event) },
      h('h3', {}, 'Split reports into a new story'),
      this.reports,
      h('label', { for: 'split-slug' }, 'New story slug'),
      this.slug,
      h('label', { for: 'split-title' }, 'New story title'),
      this.title,
      h('label', { for: 'split-reason' }, 'Reason for the split'),
      this.splitReason,
      h('button', { type: 'submit' }, 'Split'),
    );
    this.element = h('details', { class: 'membership card' }, h('summary', {}, 'Membership: history, merge, split'), h('h3', {}, 'History'), this.history, merge, split, this.status);
  }

  /** Shows the history and the reports the story holds now (with their headlines from `entries`). */
  async load(entries) {
    const [{ body }, { body: listed }] = await Promise.all([api(`${storyPath(this.story.id)}/membership`), api('/stories')]);
    const names = new Map(listed.stories.map((story) => [story.id, story.slug]));
    const lines = body.changes.map((change) =>
      h('li', {}, h('span', { class: 'what' }, describeChange(change, names)), ' — ', h('span', { class: 'who' }, `${change.actor}: ${change.reason}`), ' ', h('time', { datetime: change.recordedAt }, formatInstant(change.recordedAt))),
    );
    fill(this.history, lines.length ? lines : h('li', { class: 'hint' }, 'No membership changes: the story holds the reports ingested into it.'));
    const headline = new Map(entries.filter((entry) => entry.kind === 'report').map((entry) => [entry.reportId, `${entry.source}: ${entry.headline ?? entry.reportId.slice(0, 8)}`]));
    const boxes = body.reports.map((id) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'report', value: id }), ` ${shorten(headline.get(id) ?? id, 80)}`));
    fill(this.reports, h('legend', {}, 'Reports to split out'), boxes.length ? boxes : h('p', { class: 'hint' }, 'No reports to split.'));
  }

  say(message) {
    this.status.textContent = message;
  }

  async merge(event) {
    event.preventDefault();
    try {
      const { body } = await api(`${storyPath(this.story.id)}/merge`, { method: 'POST', json: { into: this.into.value.trim(), reason: this.mergeReason.value.trim() } });
      this.say(`Merged (log position ${body.position}).`);
      await this.onChanged({ goTo: this.into.value.trim() });
    } catch (error) {
      this.say(describeError(error));
    }
  }

  async split(event) {
    event.preventDefault();
    const reports = [...this.reports.querySelectorAll('input[name=report]:checked')].map((box) => box.value);
    if (reports.length === 0) return this.say('Choose at least one report to split out.');
    try {
      const json = { reports, slug: this.slug.value.trim(), title: this.title.value.trim(), reason: this.splitReason.value.trim() };
      const { body } = await api(`${storyPath(this.story.id)}/split`, { method: 'POST', json });
      this.say(`Split into ${body.slug} (log position ${body.position}).`);
      await this.onChanged({ goTo: null });
    } catch (error) {
      this.say(describeError(error));
    }
  }
}
