const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function overlaps(a, b) {
  return a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
}

/**
 * Lines between linked facts drawn over the chart (vis-timeline has no links of its own).
 * Redrawn after each chart redraw, from where the items' boxes actually are.
 */
export class LinkOverlay {
  constructor(container) {
    this.container = container;
    this.links = [];
    this.layer = svg('svg', { class: 'link-layer', 'aria-hidden': 'true' });
    container.append(this.layer);
  }

  setLinks(links) {
    this.links = links;
    this.draw();
  }

  box(id) {
    const label = this.container.querySelector(`.vis-item [data-entry="${CSS.escape(id)}"]`);
    return label?.closest('.vis-item')?.getBoundingClientRect() ?? null;
  }

  draw() {
    this.layer.replaceChildren();
    const panel = this.container.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    if (!panel || this.links.length === 0) return;
    const origin = this.container.getBoundingClientRect();
    for (const link of this.links) {
      const from = this.box(link.fromFactId);
      const to = this.box(link.toFactId);
      if (!from || !to || !overlaps(from, panel) || !overlaps(to, panel)) continue;
      this.layer.append(this.line(link, from, to, origin));
    }
  }

  /** Edge to edge: bottom to top when one item sits above the other, otherwise side to side. */
  line(link, from, to, origin) {
    const x = (value) => value - origin.left;
    const y = (value) => value - origin.top;
    let start, end, path;
    if (from.bottom <= to.top || to.bottom <= from.top) {
      const [upper, lower] = from.bottom <= to.top ? [from, to] : [to, from];
      start = { x: x(upper.left + upper.width / 2), y: y(upper.bottom) };
      end = { x: x(lower.left + lower.width / 2), y: y(lower.top) };
      const bend = (end.y - start.y) / 2;
      path = `M${start.x},${start.y} C${start.x},${start.y + bend} ${end.x},${end.y - bend} ${end.x},${end.y}`;
    } else {
      const [left, right] = from.left <= to.left ? [from, to] : [to, from];
      start = { x: x(left.right), y: y(left.top + left.height / 2) };
      end = { x: x(right.left), y: y(right.top + right.height / 2) };
      path = `M${start.x},${start.y} L${end.x},${end.y}`;
    }
    const group = svg('g', { class: `link link-${link.kind}` });
    const title = svg('title', {});
    title.textContent = `${link.kind}${link.reason ? `: ${link.reason}` : ''}`;
    const text = svg('text', { x: (start.x + end.x) / 2 + 6, y: (start.y + end.y) / 2, 'text-anchor': 'start' });
    text.textContent = link.kind;
    group.append(title, svg('path', { d: path }), text);
    return group;
  }
}
