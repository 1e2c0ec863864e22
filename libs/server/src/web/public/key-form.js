import { api, describeError, keyStore } from './api.js';
import { h } from './dom.js';

function help() {
  return h(
    'p',
    { id: 'key-help' },
    'Every call to Storyline needs a key. An admin creates one with ',
    h('code', {}, 'npm run storyline -- keys create --role reader'),
    '; a fresh local server keeps its admin key in ',
    h('code', {}, '.storyline/admin-key'),
    '.',
  );
}

/** Keeps the key only once one read with it has worked, so a typo is reported here. */
async function tryKey(fields, accepted) {
  const key = fields.input.value.trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    fields.error.textContent = 'An API key is 1 to 200 visible characters, without spaces.';
    return fields.input.focus();
  }
  fields.submit.disabled = true;
  fields.error.textContent = 'Checking the key…';
  keyStore.set(key, fields.remember.checked);
  try {
    await api('/stories', { reportRefusal: false });
    accepted();
  } catch (failure) {
    keyStore.clear();
    fields.error.textContent = describeError(failure);
    fields.submit.disabled = false;
    fields.input.select();
  }
}

/** Asks for the API key once; `message` says why it is asked again. */
export function showKeyForm(main, message, accepted) {
  const fields = {
    input: h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'key-help key-error' }),
    remember: h('input', { id: 'remember-key', type: 'checkbox' }),
    error: h('p', { id: 'key-error', class: 'error', role: 'alert' }, message),
    submit: h('button', { type: 'submit' }, 'Use this key'),
  };
  const onsubmit = (event) => {
    event.preventDefault();
    tryKey(fields, accepted);
  };
  main.replaceChildren(
    h(
      'form',
      { class: 'key-form card', onsubmit, 'aria-labelledby': 'key-title', novalidate: true },
      h('h1', { id: 'key-title' }, 'Enter your API key'),
      help(),
      h('label', { for: 'api-key' }, 'API key'),
      fields.input,
      h('label', { class: 'check' }, fields.remember, ' Remember on this device (otherwise only for this tab)'),
      fields.submit,
      fields.error,
    ),
  );
  fields.input.focus();
}
