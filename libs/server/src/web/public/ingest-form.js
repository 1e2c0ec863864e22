import { api, describeError } from './api.js';
import { h } from './dom.js';

const MAX_BYTES = 2 * 1024 * 1024;

function isText(file) {
  return file.type === 'text/plain' || /\.txt$/i.test(file.name);
}

/**
 * Adds a report as published: pasted text or a dropped .txt file, sent as text/plain so the
 * server's extractor finds its facts. Outlet and publication time are optional hints.
 */
export class IngestForm {
  constructor(storyRef, onIngested) {
    this.storyRef = storyRef;
    this.onIngested = onIngested;
    this.text = h('textarea', { id: 'report-text', name: 'text', rows: 8, required: true, 'aria-describedby': 'drop-help' });
    this.outlet = h('input', { id: 'report-outlet', name: 'outlet', autocomplete: 'off' });
    this.publishedAt = h('input', { id: 'report-published', name: 'publishedAt', autocomplete: 'off', placeholder: '2025-11-27 or 2025-11-27T09:30:00Z' });
    this.file = h('input', { id: 'report-file', type: 'file', accept: '.txt,text/plain', onchange: () => this.read(this.file.files[0]) });
    this.submit = h('button', { type: 'submit' }, 'Add report');
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.form = h(
      'form',
      { class: 'stack drop-zone', onsubmit: (event) => this.send(event), ondragover: (event) => this.dragging(event, true), ondragleave: (event) => this.dragging(event, false), ondrop: (event) => this.dropped(event) },
      h('p', { id: 'drop-help', class: 'hint' }, 'Paste the report’s text, or drop a .txt file anywhere on this form, or ', h('label', { for: 'report-file', class: 'file-label' }, 'choose a file'), '.'),
      this.file,
      h('label', { for: 'report-text' }, 'Report text'),
      this.text,
      h('div', { class: 'field-row' }, h('div', { class: 'stack' }, h('label', { for: 'report-outlet' }, 'Outlet (optional)'), this.outlet), h('div', { class: 'stack' }, h('label', { for: 'report-published' }, 'Published at (optional)'), this.publishedAt)),
      this.submit,
      this.status,
    );
    this.element = h('details', { class: 'ingest card' }, h('summary', {}, 'Add a report'), this.form);
  }

  dragging(event, over) {
    event.preventDefault();
    this.form.classList.toggle('dragging', over);
  }

  dropped(event) {
    event.preventDefault();
    this.form.classList.remove('dragging');
    this.read(event.dataTransfer?.files?.[0]);
  }

  async read(file) {
    if (!file) return;
    if (!isText(file)) return this.say(`“${file.name}” is not a .txt file; drop the report as plain text.`);
    if (file.size > MAX_BYTES) return this.say(`“${file.name}” is larger than the 2 MB a report may be.`);
    this.text.value = await file.text();
    this.say(`Read “${file.name}” (${this.text.value.length} characters). Check it, then add the report.`);
    this.text.focus();
  }

  say(message) {
    this.status.textContent = message;
  }

  async send(event) {
    event.preventDefault();
    if (this.text.value.trim() === '') {
      this.say('The report text is empty: paste it or drop a .txt file.');
      return this.text.focus();
    }
    this.submit.disabled = true;
    this.say('Adding the report; Storyline extracts its facts…');
    try {
      const query = { outlet: this.outlet.value.trim(), publishedAt: this.publishedAt.value.trim() };
      const answer = await api(`/stories/${encodeURIComponent(this.storyRef)}/reports`, { method: 'POST', text: this.text.value, query });
      const added = answer.status === 201;
      this.say(added ? `Added: ${answer.body.factIds.length} facts found (log position ${answer.body.position}).` : 'This report was already in the story: nothing was added.');
      if (added) this.text.value = '';
      await this.onIngested(answer.body);
    } catch (error) {
      this.say(describeError(error));
    } finally {
      this.submit.disabled = false;
    }
  }
}
