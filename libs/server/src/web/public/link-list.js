import { fill, h } from './dom.js';

/**
 * The links between facts in view, contradictions first: the disagreement a reader should
 * see at a glance, in words as well as on the chart.
 */
export class LinkList {
  constructor(onChoose) {
    this.onChoose = onChoose;
    this.element = h('section', { class: 'link-list', 'aria-label': 'Links between facts', hidden: true });
  }

  /** `links` is null when the server's timeline does not report links at all. */
  render(links, entriesById) {
    this.element.hidden = links === null;
    if (links === null) return;
    const ordered = [...links].sort((a, b) => Number(b.kind === 'contradicts') - Number(a.kind === 'contradicts'));
    const fact = (id) => {
      const entry = entriesById.get(id);
      return h('button', { type: 'button', class: 'link-button', onclick: () => this.onChoose(id) }, `“${entry.statement}”`, h('span', { class: 'hint' }, ` (${entry.source})`));
    };
    fill(
      this.element,
      h('h2', {}, 'Disagreements and links'),
      ordered.length === 0
        ? h('p', { class: 'hint' }, 'No links between the facts in this view.')
        : h(
            'ul',
            {},
            ordered.map((link) => h('li', { class: `link-${link.kind}` }, h('span', { class: 'link-kind' }, link.kind), ' ', fact(link.fromFactId), ' ↔ ', fact(link.toFactId), link.reason ? h('span', { class: 'link-reason' }, ` — ${link.reason}`) : null)),
          ),
    );
  }
}
