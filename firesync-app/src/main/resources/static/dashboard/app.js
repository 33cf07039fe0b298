// The dashboard's shell: sign-in, navigation between pages (#/name), sign-out.
import { api, Problem, session } from './api.js';
import { clear, problem } from './dom.js';
import * as overview from './pages/overview.js';
import * as connections from './pages/connections.js';
import * as accounts from './pages/accounts.js';
import * as transactions from './pages/transactions.js';
import * as activity from './pages/activity.js';
import * as admin from './pages/admin.js';

const PAGES = { overview, connections, accounts, transactions, activity, admin };
const RETURN = 'firesync.return';
const ADMIN = 'firesync.admin';

const byId = (id) => document.getElementById(id);
let leave = null;

function route() {
  const name = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  return PAGES[name] ? name : 'overview';
}

async function show() {
  if (leave) {
    leave();
    leave = null;
  }
  if (!session.token()) {
    signedOut();
    return;
  }
  signedIn();
  const name = route();
  for (const link of byId('nav').querySelectorAll('a')) {
    if (link.getAttribute('href') === `#/${name}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const page = clear(byId('page'));
  window.scrollTo(0, 0);
  page.dataset.page = name;
  document.title = `${PAGES[name].title} · FireSync`;
  try {
    leave = await PAGES[name].render(page, { isAdmin: sessionStorage.getItem(ADMIN) === 'true', rerender: show,
      leaveFor: (url, back) => {
        sessionStorage.setItem(RETURN, back);
        location.assign(url);
      } }) ?? null;
  } catch (error) {
    if (error instanceof Problem && error.status === 401) {
      signOut(error.message);
      return;
    }
    page.append(problem(error));
  }
}

function signedOut() {
  byId('nav').hidden = true;
  byId('sign-out').hidden = true;
  byId('page').hidden = true;
  clear(byId('page'));
  byId('sign-in').hidden = false;
  document.title = 'Sign in · FireSync';
}

function signedIn() {
  byId('sign-in').hidden = true;
  byId('nav').hidden = false;
  byId('sign-out').hidden = false;
  byId('page').hidden = false;
  byId('nav-admin').hidden = sessionStorage.getItem(ADMIN) !== 'true';
}

async function signIn(event) {
  event.preventDefault();
  const input = byId('token');
  const error = byId('sign-in-error');
  const token = input.value.trim();
  error.hidden = true;
  session.signIn(token);
  try {
    await api('/api/tokens');
    sessionStorage.setItem(ADMIN, String(await isAdmin()));
  } catch (refused) {
    session.signOut();
    error.textContent = refused.message;
    error.hidden = false;
    input.focus();
    return;
  }
  input.value = '';
  await show();
  byId('main').focus({ preventScroll: true });
}

/** Only an admin may list the users. */
async function isAdmin() {
  try {
    await api('/api/admin/users');
    return true;
  } catch (refused) {
    if (refused instanceof Problem && refused.status === 403) {
      return false;
    }
    throw refused;
  }
}

function signOut(why) {
  session.signOut();
  sessionStorage.removeItem(ADMIN);
  if (leave) {
    leave();
    leave = null;
  }
  history.replaceState(null, '', '/');
  signedOut();
  const error = byId('sign-in-error');
  error.hidden = !why;
  error.textContent = why ?? '';
  byId('token').focus();
}

function start() {
  byId('sign-in-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', () => signOut());
  byId('skip').addEventListener('click', (event) => {
    event.preventDefault();
    byId('main').focus();
  });
  window.addEventListener('hashchange', show);
  const back = sessionStorage.getItem(RETURN);
  if (back && session.token()) {
    sessionStorage.removeItem(RETURN);
    history.replaceState(null, '', back);
  }
  show();
}

start();
