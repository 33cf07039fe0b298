// Connections: each bank's state, freshness and last error; Sync now, Reconnect, Connect a bank.
import { data } from '../api.js';
import { ago, clear, dateTime, facts, h, problem } from '../dom.js';
import * as words from '../words.js';

export const title = 'Connections';

export async function render(page, context) {
  const connect = h('button', { type: 'button', id: 'connect-bank' }, 'Connect a bank');
  const connectProblem = h('div', { 'aria-live': 'polite' });
  const list = h('div', { id: 'connections' });
  const decisions = new Map();
  connect.addEventListener('click', async () => {
    connect.disabled = true;
    try {
      const link = await data('/api/auth/powens/url');
      context.leaveFor(link.url, '#/accounts');
    } catch (error) {
      clear(connectProblem).append(problem(error));
      connect.disabled = false;
    }
  });
  page.append(h('div', { class: 'title-row' }, h('h1', {}, 'Connections'), connect), connectProblem, list);

  const load = async () => {
    try {
      const statuses = await data('/api/sync/status');
      clear(list).append(...view(statuses, decisions, load, context));
    } catch (error) {
      clear(list).append(problem(error));
    }
  };
  await load();
}

function view(statuses, decisions, reload, context) {
  if (statuses.length === 0) {
    return [h('p', { class: 'empty' }, 'No bank connected yet. "Connect a bank" opens your bank\'s sign-in page and ',
      'brings you back here.')];
  }
  return [h('ul', { class: 'rows' }, statuses.map(status => item(status, decisions, reload, context)))];
}

function item(status, decisions, reload, context) {
  const id = status.connectionId;
  const said = h('p', { class: 'decision', role: 'status', id: `decision-${id}` }, decisions.get(id) ?? '');
  const sync = h('button', { type: 'button', class: 'sync-now', 'aria-describedby': `decision-${id}` },
    'Sync now', h('span', { class: 'visually-hidden' }, ` ${status.bank} ${id}`));
  sync.addEventListener('click', async () => {
    sync.disabled = true;
    said.textContent = 'Syncing…';
    try {
      const answer = await data(`/api/sync/intelligent/connection/${id}`, { method: 'POST' });
      decisions.set(id, words.decision(answer, status.lastSuccessAt));
    } catch (error) {
      decisions.set(id, error.message);
    }
    await reload();
  });
  const actions = [sync];
  if (status.userAction?.required) {
    const reconnect = h('button', { type: 'button', class: 'reconnect warn' }, 'Reconnect',
      h('span', { class: 'visually-hidden' }, ` ${status.bank} ${id}`));
    reconnect.addEventListener('click', async () => {
      reconnect.disabled = true;
      try {
        const link = await data(`/api/auth/powens/reconnect/${id}`);
        context.leaveFor(link.url, '#/connections');
      } catch (error) {
        decisions.set(id, error.message);
        await reload();
      }
    });
    actions.unshift(reconnect);
  }
  return h('li', { class: `connection state-${status.state}`, 'data-connection': id },
    h('h2', { class: 'row-main' }, status.bank, h('span', { class: 'hint' }, ` · connection ${id}`)),
    facts([
      ['State', h('span', { class: 'state' }, words.state(status.state))],
      ['Last success', status.lastSuccessAt ? `${ago(status.lastSuccessAt)} (${dateTime(status.lastSuccessAt)})`
        : 'never'],
      ['Next planned sync', status.nextPlannedSync ? dateTime(status.nextPlannedSync) : '—'],
      ['Last error', words.error(status.lastError)],
    ]),
    h('div', { class: 'actions' }, actions), said);
}
