// Activity: sync events arriving live through FireSync's WebSocket stream (a single-use ticket, never the token).
import { data, Problem } from '../api.js';
import { ago, clear, h, problem } from '../dom.js';
import * as words from '../words.js';

export const title = 'Activity';

export async function render(page) {
  const state = h('p', { id: 'activity-state', role: 'status', class: 'hint' }, 'Connecting…');
  const list = h('ol', { id: 'events', class: 'rows events', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const failure = h('div');
  page.append(h('h1', {}, 'Activity'),
    h('p', {}, 'Syncs, failures and connection changes, as they happen. Nothing to reload.'), state, failure, list);
  let socket = null;
  let lastId = null;
  let closed = false;
  let retry = null;
  let delay = 1000;

  const open = async () => {
    let ticket;
    try {
      ticket = await data('/api/events/tickets', { method: 'POST' });
    } catch (error) {
      state.textContent = 'Not connected.';
      const lead = error instanceof Problem && error.status === 404
        ? 'Live events are not available on this FireSync server: ' : '';
      clear(failure).append(problem(error, lead));
      if (!(error instanceof Problem) || error.status >= 500 || error.status === 0) {
        schedule();
      }
      return;
    }
    if (closed) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/ws?ticket=${encodeURIComponent(ticket.ticket)}`);
    socket.addEventListener('open', () => {
      delay = 1000;
      clear(failure);
      state.textContent = 'Live: new events appear at the top.';
      if (lastId) {
        socket.send(JSON.stringify({ resume: lastId }));
      }
    });
    socket.addEventListener('message', (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch (notJson) {
        return;
      }
      if (event && event.type) {
        lastId = event.id ?? lastId;
        list.prepend(line(event));
      }
    });
    socket.addEventListener('close', () => {
      if (!closed) {
        state.textContent = 'Disconnected; reconnecting…';
        schedule();
      }
    });
  };

  const schedule = () => {
    if (!closed) {
      retry = setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    }
  };

  await open();
  return () => {
    closed = true;
    clearTimeout(retry);
    socket?.close();
  };
}

function line(event) {
  return h('li', { class: `event type-${event.type.replaceAll('.', '-')}`, 'data-event': event.id ?? '' },
    h('div', { class: 'row-main' }, h('strong', {}, event.type), ' ',
      h('span', { class: 'hint' }, event.occurredAt ? ago(event.occurredAt) : '')),
    h('div', {}, summary(event)));
}

function summary(event) {
  const d = event.data ?? {};
  const connection = d.connectionId ? `Connection ${d.connectionId}` : '';
  switch (event.type) {
    case 'sync.started':
      return `${connection}: sync started${d.trigger ? ` (${d.trigger})` : ''}.`;
    case 'sync.completed':
      return `${connection}: ${d.decision ?? 'done'}${d.reason ? ` (${d.reason})` : ''}, ${d.added ?? 0} new, `
        + `${d.updated ?? 0} updated, ${d.removed ?? 0} removed${d.durationMs !== undefined ? ` in ${d.durationMs} ms` : ''}.`;
    case 'sync.failed':
      return `${connection}: failed, ${words.error(d.code)}.`;
    case 'connection.state_changed':
      return `${connection}: ${words.state(d.from)} → ${words.state(d.to)}${d.userActionRequired
        ? ' (reconnect needed)' : ''}.`;
    case 'connection.linked':
      return `${connection || 'A bank'} linked.`;
    case 'transactions.changed':
      return `${connection}: transactions changed${d.counts ? ` (${Object.entries(d.counts)
        .map(([kind, count]) => `${count} ${kind}`).join(', ')})` : ''}.`;
    default:
      return connection;
  }
}
