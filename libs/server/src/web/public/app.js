import { describeError, keyStore, onKeyRefused } from './api.js';
import { fill, h } from './dom.js';
import { showInbox } from './inbox-page.js';
import { showKeyForm } from './key-form.js';
import { showStories } from './story-index.js';
import { showStory } from './story-page.js';

const main = document.getElementById('main');
const notice = document.getElementById('notice');
const keyStatus = document.getElementById('key-status');
let leaveView = () => {};

/** A message for the whole page (errors the current view did not handle itself). */
function announce(message) {
  notice.textContent = message;
  notice.hidden = !message;
}

function renderKeyStatus() {
  const key = keyStore.get();
  if (!key) return fill(keyStatus);
  const forget = () => {
    keyStore.clear();
    route();
  };
  keyStatus.replaceChildren(
    h('span', { class: 'key-hint' }, keyStore.remembered() ? 'API key remembered on this device' : 'API key kept for this tab'),
    h('button', { type: 'button', class: 'link-button', onclick: forget }, 'Forget key'),
  );
}

function askForKey(message) {
  leaveView();
  leaveView = () => {};
  renderKeyStatus();
  showKeyForm(main, message, () => {
    announce('');
    route();
  });
}

async function route() {
  leaveView();
  leaveView = () => {};
  renderKeyStatus();
  if (!keyStore.get()) return askForKey('');
  const story = /^#\/stories\/([^/]+)$/.exec(location.hash);
  const inbox = /^#\/inbox(?:\/([^/]+))?$/.exec(location.hash);
  try {
    if (inbox) leaveView = await showInbox(main, inbox[1] ? decodeURIComponent(inbox[1]) : 'default');
    else leaveView = story ? await showStory(main, decodeURIComponent(story[1])) : await showStories(main);
  } catch (error) {
    if (error?.status === 401) return;
    main.replaceChildren(h('h1', {}, 'Could not load this view'), h('p', { class: 'error' }, describeError(error)), h('p', {}, h('a', { href: '#/' }, 'Back to the stories')));
  }
}

onKeyRefused((error) => {
  keyStore.clear();
  askForKey(`The server refused the API key (${error.code}): ${error.message}. Enter a valid key.`);
});
window.addEventListener('hashchange', () => {
  announce('');
  route();
});
// A file dropped anywhere but the report form would make the browser open it in place of the page.
for (const type of ['dragover', 'drop']) document.addEventListener(type, (event) => event.preventDefault());
route();
