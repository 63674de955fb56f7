// Administrators' pages: the audit log (who read which borough's children's data, sign-ins,
// newest first) and the user accounts: add one; disable or enable, change role or borough,
// reset a password (the user must choose a new one), sign out everywhere, delete.

import {api, explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {dateTime, roleName, ROLE_NAMES} from './format.js';

const AUDIT_PAGE = 100;

export async function showAudit(main, {signal}) {
  document.title = 'Audit log: sendplan';
  const area = h('div', {testid: 'audit'});
  replaceChildren(main,
    h('h1', {}, 'Audit log'),
    h('p', {class: 'lead'}, 'Every read of children’s data, every upload, plan and account change, with who did it and when. Newest first.'),
    area);
  let offset = 0;

  async function load() {
    let entries;
    try {
      entries = await api('GET', `/api/audit?limit=${AUDIT_PAGE}&offset=${offset}`, {signal});
    } catch (error) {
      if (!signal.aborted) replaceChildren(area, message('error', explain(error)));
      return;
    }
    if (signal.aborted) return;
    const newer = h('button', {type: 'button', class: 'button button--secondary', testid: 'audit-newer', disabled: offset === 0,
      onclick: () => { offset = Math.max(0, offset - AUDIT_PAGE); load(); }}, 'Newer entries');
    const older = h('button', {type: 'button', class: 'button button--secondary', testid: 'audit-older', disabled: entries.length < AUDIT_PAGE,
      onclick: () => { offset += AUDIT_PAGE; load(); }}, 'Older entries');
    replaceChildren(area,
      entries.length === 0 ? h('p', {}, offset === 0 ? 'Nothing has been recorded yet.' : 'No older entries.') :
        table({
          testid: 'audit-table',
          caption: `Entries ${offset + 1} to ${offset + entries.length}`,
          columns: [
            {label: 'When', field: 'at'},
            {label: 'User', field: 'username'},
            {label: 'Action', field: 'action'},
            {label: 'Borough', field: 'borough'},
            {label: 'Detail', field: 'detail'},
          ],
          rows: entries.map((e) => [dateTime(e.at), e.username ?? '', e.action ?? '', e.borough ?? '', e.detail ?? '']),
        }),
      h('div', {class: 'button-row'}, newer, older));
  }
  await load();
}

export async function showUsers(main, {signal, boroughs}) {
  document.title = 'Users: sendplan';
  const listArea = h('div', {testid: 'users'});
  const formArea = h('div', {});
  replaceChildren(main,
    h('h1', {}, 'Users'),
    h('p', {class: 'lead'}, 'Borough officers see and plan their own borough’s children only. Regional analysts see London-wide figures only, with small numbers hidden. Administrators see everything, including this page and the audit log.'),
    listArea,
    h('section', {class: 'section', 'aria-labelledby': 'add-user-heading'},
      h('h2', {id: 'add-user-heading'}, 'Add a user'),
      formArea));

  let boroughNames = [];
  // What the last action did; kept while the list is read again.
  const status = h('div', {testid: 'users-status', 'aria-live': 'polite'});
  listArea.before(status);
  async function loadList() {
    let users;
    try {
      users = await api('GET', '/api/users', {signal});
    } catch (error) {
      if (!signal.aborted) replaceChildren(listArea, message('error', explain(error)));
      return;
    }
    if (signal.aborted) return;
    replaceChildren(listArea, table({
      testid: 'users-table',
      columns: [
        {label: 'Username', field: 'username'},
        {label: 'Role', field: 'role'},
        {label: 'Borough', field: 'borough'},
        {label: 'Status', field: 'status'},
        {label: 'Added', field: 'created_at'},
        {label: 'Manage', field: 'manage'},
      ],
      rows: users.map((u) => [u.username, roleName(u.role), u.borough ?? '',
        h('span', {testid: `user-status-${u.username}`}, u.disabled ? 'Disabled' : u.must_change_password ? 'Must choose a new password' : 'Active'),
        dateTime(u.created_at),
        manageButtons(u, status)]),
    }));
  }

  // Each account's actions; every one asks the server, then the list is read again.
  function manageButtons(u, status) {
    const act = async (what, method, path, json) => {
      replaceChildren(status);
      try {
        const answer = await api(method, path, json === undefined ? {} : {json});
        replaceChildren(status, message('success', what(answer)));
        await loadList();
      } catch (error) {
        replaceChildren(status, message('error', explain(error)));
      }
    };
    const path = `/api/users/${u.id}`;
    const button = (label, testid, onclick) => h('button', {type: 'button', class: 'button button--secondary button--small', testid, onclick}, label);
    const roleForm = () => {
      const role = h('select', {class: 'select', testid: `role-of-${u.username}`, 'aria-label': `Role of ${u.username}`},
        Object.entries(ROLE_NAMES).map(([value, label]) => h('option', {value, selected: value === u.role}, label)));
      const borough = h('select', {class: 'select', testid: `borough-of-${u.username}`, 'aria-label': `Borough of ${u.username}`},
        h('option', {value: ''}, 'No borough'),
        boroughNames.map((b) => h('option', {value: b, selected: b === u.borough}, b)));
      const form = h('form', {class: 'inline-form', testid: `change-${u.username}`},
        role, borough, h('button', {type: 'submit', class: 'button button--small'}, 'Save'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        act(() => `${u.username} is now ${roleName(role.value)}${borough.value && role.value === 'officer' ? `, ${borough.value}` : ''}.`,
          'PATCH', path, {role: role.value, borough: role.value === 'officer' ? borough.value : null});
      });
      return form;
    };
    const cell = h('div', {class: 'button-row button-row--tight'},
      u.disabled
        ? button('Enable', `enable-${u.username}`, () => act(() => `${u.username} can sign in again.`, 'PATCH', path, {disabled: false}))
        : button('Disable', `disable-${u.username}`, () => act(() => `${u.username} is disabled: signed out everywhere and cannot sign in.`, 'PATCH', path, {disabled: true})),
      button('Change role', `change-role-${u.username}`, () => cell.append(roleForm())),
      button('Reset password', `reset-${u.username}`, () => {
        const password = window.prompt(`A temporary password for ${u.username} (at least 10 characters). They must choose their own when they next sign in.`);
        if (password) act(() => `${u.username}'s password is reset; they are signed out and must choose a new one.`, 'POST', `${path}/reset-password`, {password});
      }),
      button('Sign out everywhere', `revoke-${u.username}`, () => act((a) => `${u.username}: ${a.sessions_ended} session(s) ended.`, 'POST', `${path}/revoke-sessions`)),
      button('Delete', `delete-${u.username}`, () => {
        if (window.confirm(`Delete ${u.username}? They can never sign in again. Their name stays in the audit log.`))
          act(() => `${u.username} is deleted.`, 'DELETE', path);
      }));
    return cell;
  }

  const list = await boroughs();
  if (signal.aborted) return;
  boroughNames = list.map((b) => b.name);
  replaceChildren(formArea, addUserForm(list, loadList));
  await loadList();
}

function addUserForm(boroughList, onAdded) {
  const result = h('div', {testid: 'add-user-result', 'aria-live': 'polite'});
  const username = h('input', {id: 'new-username', class: 'input', type: 'text', required: true, autocomplete: 'off',
    spellcheck: 'false', autocapitalize: 'none', testid: 'new-username'});
  const password = h('input', {id: 'new-password', class: 'input', type: 'password', required: true, autocomplete: 'new-password',
    testid: 'new-password', 'aria-describedby': 'new-password-hint'});
  const role = h('select', {id: 'new-role', class: 'select', testid: 'new-role'},
    Object.entries(ROLE_NAMES).map(([value, label]) => h('option', {value}, label)));
  const borough = h('select', {id: 'new-borough', class: 'select', testid: 'new-borough'},
    h('option', {value: ''}, 'Choose a borough'),
    boroughList.map((b) => h('option', {value: b.name}, b.name)));
  const boroughGroup = h('div', {class: 'form-group'},
    h('label', {for: 'new-borough', class: 'label'}, 'Borough'),
    h('p', {class: 'hint'}, 'For borough officers only.'),
    borough);
  const submit = h('button', {type: 'submit', class: 'button', testid: 'add-user-submit'}, 'Add user');
  role.addEventListener('change', () => {
    boroughGroup.hidden = role.value !== 'officer';
  });

  const form = h('form', {class: 'form', novalidate: true, testid: 'add-user-form'},
    h('div', {class: 'form-group'}, h('label', {for: 'new-username', class: 'label'}, 'Username'), username),
    h('div', {class: 'form-group'}, h('label', {for: 'new-password', class: 'label'}, 'Password'),
      h('p', {id: 'new-password-hint', class: 'hint'}, 'At least 10 characters, not a common password. Give it to the person in a safe way; they should keep it secret.'),
      password),
    h('div', {class: 'form-group'}, h('label', {for: 'new-role', class: 'label'}, 'Role'), role),
    boroughGroup,
    result,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(result);
    const body = {username: username.value.trim(), password: password.value, role: role.value};
    if (!body.username || !body.password) {
      replaceChildren(result, message('error', 'Enter a username and a password.'));
      return;
    }
    if (body.role === 'officer') {
      if (!borough.value) {
        replaceChildren(result, message('error', 'Choose the officer’s borough.'));
        borough.focus();
        return;
      }
      body.borough = borough.value;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/users', {json: body});
      replaceChildren(result, message('success', `User ${body.username} added (${roleName(body.role)}${body.borough ? `, ${body.borough}` : ''}).`));
      form.reset();
      boroughGroup.hidden = role.value !== 'officer';
      await onAdded();
    } catch (error) {
      replaceChildren(result, message('error', error?.status === 409 ? `The username ${body.username} is taken. Choose another.` : explain(error)));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
