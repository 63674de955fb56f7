// The app's shell: who is signed in, the header and navigation, and the hash routes.
//   #/signin              sign-in form
//   #/transport[/B]       uploads, planning and previous plans of borough B (officers: their own)
//   #/plans/ID            one plan: progress, then its results and map
//   #/pools[/ID]          several boroughs planned together (administrators start them; officers
//                         see the pools their borough is in)
//   #/region              regional figures (every role; the only view an analyst has)
//   #/data/...            the SEND data dashboard: published statistics (every role; data.js)
//   #/placements/...      the placements register: providers, placements, analyses, gaps, matching
//   #/practice/...        the practice repository: search, entries, calls and reviews (practice.js)
//   #/audit, #/users      administrators only

import {api, explain, setCsrfToken, setSignedOutHandler} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {roleName} from './format.js';
import {showChangePassword, showSignIn} from './signin.js';
import {showTransport} from './transport.js';
import {showPlan} from './plan.js';
import {showPools} from './pools.js';
import {showRegion} from './region.js';
import {showAudit, showUsers} from './admin.js';
import {showData} from './data.js';
import {showPlacements} from './placements.js';
import {showPractice} from './practice.js';

const state = {
  user: null,        // {username, role, borough}
  boroughs: null,    // cached GET /api/boroughs
  notice: null,      // a message for the sign-in form (e.g. "you were signed out")
  wanted: null,      // the page asked for before signing in (a bookmark or a shared link)
};

const main = document.getElementById('main');
const nav = document.getElementById('site-nav');
const userBar = document.getElementById('user-bar');

let currentView = null;  // {controller: AbortController}

export function navigate(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function defaultRoute(user) {
  return user.role === 'analyst' ? '#/region' : '#/transport';
}

function signedIn(user, csrfToken) {
  state.user = user;
  state.notice = null;
  setCsrfToken(csrfToken);
  renderHeader();
}

function signedOut(notice) {
  state.user = null;
  state.wanted = null;
  state.boroughs = null;
  state.notice = notice ?? null;
  setCsrfToken(null);
  renderHeader();
  navigate('#/signin');
}

async function signOut() {
  try {
    await api('POST', '/api/logout');
  } catch {
    // Already signed out (or the server is gone): the page signs out all the same.
  }
  signedOut(null);
}

function renderHeader() {
  const user = state.user;
  if (!user) {
    userBar.hidden = true;
    nav.hidden = true;
    replaceChildren(userBar);
    replaceChildren(nav);
    return;
  }
  replaceChildren(userBar,
    h('span', {class: 'site-header__who', testid: 'current-user'},
      h('span', {class: 'visually-hidden'}, 'Signed in as '),
      h('strong', {testid: 'current-username'}, user.username),
      h('span', {class: 'site-header__sep', 'aria-hidden': 'true'}, ' · '),
      h('span', {testid: 'current-role'}, roleName(user.role)),
      user.borough ? [h('span', {class: 'site-header__sep', 'aria-hidden': 'true'}, ' · '),
        h('span', {testid: 'current-borough'}, user.borough)] : null),
    h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'sign-out', onclick: signOut}, 'Sign out'));
  userBar.hidden = false;

  const links = [];
  if (user.role !== 'analyst') links.push(['#/transport', 'Transport planning']);
  links.push(['#/region', 'London region']);
  links.push(['#/data', 'SEND data']);
  links.push(['#/placements', 'Placements']);
  links.push(['#/practice', 'Practice']);
  if (user.role === 'admin') {
    links.push(['#/audit', 'Audit log']);
    links.push(['#/users', 'Users']);
  }
  replaceChildren(nav, h('ul', {class: 'site-nav__list'},
    links.map(([href, label]) => h('li', {}, h('a', {href, class: 'site-nav__link', dataset: {route: href}}, label)))));
  nav.hidden = false;
  markCurrentNav();
}

function markCurrentNav() {
  const route = '#/' + (location.hash.replace(/^#\/?/, '').split('/')[0] || '');
  for (const link of nav.querySelectorAll('a')) {
    const current = link.dataset.route === route ||
      ((route === '#/plans' || route === '#/pools') && link.dataset.route === '#/transport');
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
}

async function boroughs() {
  if (!state.boroughs) state.boroughs = await api('GET', '/api/boroughs');
  return state.boroughs;
}

async function render() {
  currentView?.controller.abort();
  const controller = new AbortController();
  currentView = {controller};
  const signal = controller.signal;

  const parts = location.hash.replace(/^#\/?/, '').split('/').map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  const [route, ...rest] = parts;

  if (!state.user) {
    if (route !== 'signin') {
      if (route) state.wanted = location.hash;
      history.replaceState(null, '', '#/signin');
    }
    document.title = 'Sign in: sendplan';
    showSignIn(main, {
      notice: state.notice,
      signal,
      onSignedIn: (user, csrf) => {
        signedIn(user, csrf);
        const wanted = state.wanted;
        state.wanted = null;
        navigate(wanted || defaultRoute(user));
      },
    });
    return;
  }
  if (state.user.must_change_password) {
    document.title = 'Choose a new password: sendplan';
    showChangePassword(main, {onChanged: (user, csrf) => {
      signedIn(user, csrf);
      navigate(defaultRoute(user));
    }});
    return;
  }

  markCurrentNav();
  const user = state.user;
  const context = {user, signal, navigate, boroughs};
  replaceChildren(main, h('p', {class: 'loading'}, 'Loading…'));
  try {
    if (route === 'transport' && user.role !== 'analyst') {
      await showTransport(main, context, rest[0] || null);
    } else if (route === 'plans' && rest[0] && user.role !== 'analyst') {
      await showPlan(main, context, rest[0]);
    } else if (route === 'pools' && user.role !== 'analyst') {
      await showPools(main, context, rest[0] || null);
    } else if (route === 'region') {
      await showRegion(main, context);
    } else if (route === 'data') {
      await showData(main, context, rest);
    } else if (route === 'placements') {
      await showPlacements(main, context, rest);
    } else if (route === 'practice') {
      await showPractice(main, context, rest);
    } else if (route === 'audit' && user.role === 'admin') {
      await showAudit(main, context);
    } else if (route === 'users' && user.role === 'admin') {
      await showUsers(main, context);
    } else if (['transport', 'plans', 'pools', 'audit', 'users'].includes(route)) {
      document.title = 'Not available: sendplan';
      replaceChildren(main, h('h1', {}, 'Not available'),
        message('error', 'This page is not available to your role (', roleName(user.role), ').'),
        h('p', {}, h('a', {href: defaultRoute(user)}, 'Go to your start page')));
    } else {
      history.replaceState(null, '', defaultRoute(user));
      await render();
      return;
    }
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(main, h('h1', {}, 'Something went wrong'), message('error', explain(error)));
  }
  // After moving to another page, put the keyboard (and screen reader) at its heading.
  if (!signal.aborted && rendered++ > 0) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }
}
let rendered = 0;

async function start() {
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  setSignedOutHandler(() => {
    if (state.user) signedOut('You have been signed out (your session ended). Please sign in again.');
  });
  window.addEventListener('hashchange', render);
  try {
    const me = await api('GET', '/api/me');
    signedIn(me.user, me.csrf_token);
  } catch (error) {
    state.user = null;
    if (error?.status !== 401) state.notice = explain(error);
  }
  render();
}

start();
