import { api, describeError } from './api.js';
import { fill, formatInstant, h } from './dom.js';

const STATUSES = ['waiting', 'joined', 'opened', 'accepted', 'rejected', 'all'];

function storyLabel(proposal) {
  if (proposal.storyId === null) return 'a new story';
  return proposal.title ?? proposal.slug ?? proposal.storyId;
}

function reasons(proposal) {
  if (!proposal.reasons) return 'matches no story';
  const { sharedEntities, sharedTerms, daysApart } = proposal.reasons;
  const shared = [...sharedEntities, ...sharedTerms].slice(0, 6).join(', ');
  const when = daysApart === null ? '' : `; ${daysApart} days apart`;
  return `shares ${shared || 'nothing named'}${when}`;
}

/**
 * One report in the inbox with the stories proposed for it, best first. A waiting report
 * gets an accept button per proposal and a reject form; the others say where they went.
 */
function reportCard(report, inbox, reload) {
  const status = h('p', { class: 'status', role: 'status' });
  const answer = async (path, json) => {
    status.textContent = 'Saving…';
    try {
      await api(`/inbox/reports/${report.reportId}/${path}`, { method: 'POST', query: { inbox }, json });
      await reload();
    } catch (error) {
      status.textContent = describeError(error);
    }
  };
  const waiting = report.status === 'waiting';
  const reason = h('input', { name: 'reason', 'aria-label': 'Why reject it', placeholder: 'why it belongs to no story', autocomplete: 'off', required: true });
  return h(
    'li',
    { class: `card inbox-report inbox-${report.status}`, 'data-report': report.reportId },
    h('h2', {}, report.headline ?? `Report ${report.reportId.slice(0, 8)}`),
    h('p', { class: 'hint' }, `${report.outlet ?? 'outlet not named'} · ${formatInstant(report.publishedAt)} · ${report.status}`),
    h(
      'ol',
      { class: 'proposals' },
      report.proposals.map((proposal) =>
        h(
          'li',
          { class: 'proposal' },
          h('span', { class: 'proposal-score' }, proposal.score.toFixed(2)),
          ' ',
          proposal.storyId === null ? h('span', { class: 'proposal-story' }, 'a new story') : h('a', { class: 'proposal-story', href: `#/stories/${encodeURIComponent(proposal.slug ?? proposal.storyId)}` }, storyLabel(proposal)),
          h('span', { class: 'proposal-reason' }, ` — ${reasons(proposal)}`),
          waiting ? h('button', { type: 'button', onclick: () => answer('accept', { story: proposal.storyId ?? 'new' }) }, proposal.storyId === null ? 'Open a new story' : 'Accept') : null,
        ),
      ),
    ),
    waiting
      ? h(
          'form',
          { class: 'reject', onsubmit: (event) => (event.preventDefault(), answer('reject', { reason: reason.value.trim() })) },
          reason,
          h('button', { type: 'submit' }, 'Reject'),
        )
      : report.storyId
        ? h('p', {}, 'In story ', h('a', { href: `#/stories/${encodeURIComponent(report.storyId)}` }, report.storyId))
        : null,
    status,
  );
}

/** `#/inbox` (or `#/inbox/<name>`): the reports routed in an inbox, the waiting ones first, with the router's proposals. */
export async function showInbox(main, inbox = 'default', wanted = 'waiting') {
  const list = h('ul', { class: 'inbox-list' });
  const heading = h('p', { class: 'hint' });
  const more = h('p', {});
  const select = h(
    'select',
    { id: 'inbox-status', onchange: () => load(select.value) },
    STATUSES.map((status) => h('option', { value: status, selected: status === wanted }, status)),
  );
  async function load(status, after) {
    const { body } = await api('/inbox', { query: { inbox, status, after, limit: 50 } });
    const policy = body.policy;
    const joins = policy.threshold === null ? 'Never joins a report to a story at once' : `Joins a report to a story at once at a score of ${policy.threshold} or more`;
    heading.textContent = `${joins}; a report matching no story ${policy.autoOpen ? 'opens one at once' : 'waits'}${policy.set ? '' : ' (the default policy)'}.`;
    const cards = body.reports.map((report) => reportCard(report, inbox, () => load(select.value)));
    if (after) list.append(...cards);
    else fill(list, cards.length === 0 ? h('li', { class: 'hint' }, status === 'waiting' ? 'Nothing waits for an analyst.' : 'No reports here.') : cards);
    fill(more, body.next ? h('button', { type: 'button', class: 'link-button', onclick: () => load(status, body.next) }, 'More') : null);
  }
  main.replaceChildren(
    h('h1', {}, `Inbox ${inbox}`),
    heading,
    h('p', {}, h('label', { for: 'inbox-status' }, 'Show '), select, ' ', h('a', { href: '#/' }, 'Back to the stories')),
    list,
    more,
  );
  document.title = `Inbox ${inbox} · Storyline`;
  await load(wanted);
  return () => {};
}
