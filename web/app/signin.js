// The sign-in form: POST /api/login; a clear message on a wrong username or password, or when
// too many sign-ins failed. After an administrator's password reset, the user chooses a new
// password (POST /api/me/password) before anything else.

import {api, explain, setCsrfToken} from './api.js';
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
      if (answer.must_change_password) {
        setCsrfToken(answer.csrf_token);
        showChangePassword(main, {current: password.value, onChanged: onSignedIn});
        return;
      }
      onSignedIn(answer.user, answer.csrf_token);
    } catch (e) {
      const text = e?.status === 401
        ? 'The username or password is not right, or the account is disabled. Check them and try again.'
        : e?.status === 429
          ? `Too many failed sign-ins for this account or this computer: ${(e.serverMessage ?? 'try again later').replace(/^too many failed sign-ins; /, '')}.`
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

// Choosing a new password: the one the administrator gave (`current`, or typed here when
// empty), then the new one twice.
export function showChangePassword(main, {current = '', onChanged}) {
  const error = h('div', {class: 'form-error', testid: 'change-password-error', 'aria-live': 'assertive'});
  const old = h('input', {id: 'old-password', type: 'password', class: 'input', autocomplete: 'current-password', testid: 'old-password'});
  old.value = current;
  const next = h('input', {id: 'new-own-password', type: 'password', class: 'input', autocomplete: 'new-password',
    testid: 'new-own-password', 'aria-describedby': 'new-own-password-hint'});
  const again = h('input', {id: 'new-own-password-again', type: 'password', class: 'input', autocomplete: 'new-password',
    testid: 'new-own-password-again'});
  const submit = h('button', {type: 'submit', class: 'button', testid: 'change-password-submit'}, 'Change password');
  const form = h('form', {class: 'form signin', testid: 'change-password-form', novalidate: true},
    h('div', {class: 'form-group', hidden: Boolean(current)}, h('label', {for: 'old-password', class: 'label'}, 'Current password'), old),
    h('div', {class: 'form-group'}, h('label', {for: 'new-own-password', class: 'label'}, 'New password'),
      h('p', {id: 'new-own-password-hint', class: 'hint'}, 'At least 10 characters. Three random words make a good one. Not a common password, not your username.'),
      next),
    h('div', {class: 'form-group'}, h('label', {for: 'new-own-password-again', class: 'label'}, 'New password again'), again),
    error,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(error);
    if (next.value !== again.value) {
      replaceChildren(error, message('error', 'The two new passwords differ. Type them again.'));
      again.value = '';
      again.focus();
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api('POST', '/api/me/password', {json: {current_password: old.value, new_password: next.value}});
      onChanged(answer.user, answer.csrf_token);
    } catch (e) {
      replaceChildren(error, message('error', explain(e)));
    } finally {
      submit.disabled = false;
    }
  });
  replaceChildren(main,
    h('div', {class: 'narrow'},
      h('h1', {}, 'Choose a new password'),
      h('p', {class: 'lead'}, 'Your administrator reset your password. Choose your own before you go on; only you will know it.'),
      form));
  next.focus();
}
