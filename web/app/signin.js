// The sign-in form: POST /api/login; a clear message on a wrong username or password.

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';

export function showSignIn(main, {notice, onSignedIn}) {
  const error = h('div', {class: 'form-error', testid: 'signin-error', 'aria-live': 'assertive'});
  const username = h('input', {id: 'signin-username', name: 'username', type: 'text', class: 'input',
    autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'none', testid: 'signin-username'});
  const password = h('input', {id: 'signin-password', name: 'password', type: 'password', class: 'input',
    autocomplete: 'current-password', required: true, testid: 'signin-password'});
  const submit = h('button', {type: 'submit', class: 'button', testid: 'signin-submit'}, 'Sign in');

  const form = h('form', {class: 'form signin', testid: 'signin-form', novalidate: true},
    h('div', {class: 'form-group'}, h('label', {for: 'signin-username', class: 'label'}, 'Username'), username),
    h('div', {class: 'form-group'}, h('label', {for: 'signin-password', class: 'label'}, 'Password'), password),
    error,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(error);
    if (!username.value.trim() || !password.value) {
      replaceChildren(error, message('error', 'Enter your username and password.'));
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api('POST', '/api/login', {json: {username: username.value.trim(), password: password.value}});
      onSignedIn(answer.user, answer.csrf_token);
    } catch (e) {
      const text = e?.status === 401
        ? 'The username or password is not right. Check them and try again.'
        : explain(e);
      replaceChildren(error, message('error', text));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });

  replaceChildren(main,
    h('div', {class: 'narrow'},
      h('h1', {}, 'Sign in'),
      h('p', {class: 'lead'}, 'Plan home-to-school transport for children with special educational needs, and see London-wide figures and published SEND statistics.'),
      notice ? message('info', notice) : null,
      form,
      h('p', {class: 'hint'}, 'Your administrator gives you your username and password.')));
  username.focus();
}
