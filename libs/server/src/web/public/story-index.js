import { api, describeError } from './api.js';
import { h } from './dom.js';

function storyList(stories) {
  if (stories.length === 0) return h('p', {}, 'No stories yet. Open one below, then add its reports.');
  return h(
    'ul',
    { class: 'story-list' },
    stories.map((story) =>
      h('li', {}, h('a', { href: `#/stories/${encodeURIComponent(story.slug)}` }, h('span', { class: 'story-title' }, story.title), h('span', { class: 'story-slug' }, story.slug))),
    ),
  );
}

function openStoryForm() {
  const slug = h('input', { id: 'new-slug', name: 'slug', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', placeholder: 'witkoff-back-channel', autocomplete: 'off' });
  const title = h('input', { id: 'new-title', name: 'title', required: true, autocomplete: 'off' });
  const status = h('p', { class: 'status', role: 'status' });
  async function onsubmit(event) {
    event.preventDefault();
    status.textContent = 'Opening…';
    try {
      const { body } = await api('/stories', { method: 'POST', json: { slug: slug.value.trim(), title: title.value.trim() } });
      location.hash = `#/stories/${encodeURIComponent(body.slug)}`;
    } catch (error) {
      status.textContent = describeError(error);
    }
  }
  return h(
    'details',
    { class: 'card' },
    h('summary', {}, 'Open a new story'),
    h(
      'form',
      { class: 'stack', onsubmit },
      h('label', { for: 'new-slug' }, 'Slug (lower case, words joined by hyphens)'),
      slug,
      h('label', { for: 'new-title' }, 'Title'),
      title,
      h('button', { type: 'submit' }, 'Open story'),
      status,
    ),
  );
}

/** The first view: every story, each a link to its timeline. */
export async function showStories(main) {
  const { body } = await api('/stories');
  main.replaceChildren(h('h1', {}, 'Stories'), storyList(body.stories), openStoryForm());
  document.title = 'Stories · Storyline';
  return () => {};
}
