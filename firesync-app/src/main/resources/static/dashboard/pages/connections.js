// Connections: each bank's state, freshness and last error; Sync now, Reconnect, Connect a bank.
import { data } from '../api.js';
import { ago, clear, dateTime, facts, h, problem } from '../dom.js';
import * as words from '../words.js';

export const title = 'Connections';

export async function render(page, context) {
  const connect = h('button', { type: 'button', id: 'connect-bank', 'aria-expanded': 'false',
    'aria-controls': 'connect-choice' }, 'Connect a bank');
  const connectProblem = h('div', { 'aria-live': 'polite' });
  const choice = h('div', { id: 'connect-choice', class: 'card', hidden: true });
  const list = h('div', { id: 'connections' });
  const decisions = new Map();
  const leave = async (route, button) => {
    button.disabled = true;
    try {
      const link = await data(route);
      context.leaveFor(link.url, '#/accounts');
    } catch (error) {
      clear(connectProblem).append(problem(error));
      button.disabled = false;
    }
  };
  connect.addEventListener('click', async () => {
    clear(connectProblem);
    try {
      const providers = (await data('/api/providers')).map(provider => provider.name);
      if (providers.length === 1 && providers[0] === 'powens') {
        await leave('/api/auth/powens/url', connect);
        return;
      }
      clear(choice).append(...providerChoices(providers, leave, connectProblem));
      choice.hidden = false;
      connect.setAttribute('aria-expanded', 'true');
      choice.querySelector('button, input')?.focus();
    } catch (error) {
      clear(connectProblem).append(problem(error));
    }
  });
  page.append(h('div', { class: 'title-row' }, h('h1', {}, 'Connections'), connect), choice, connectProblem, list);

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

/**
 * One way in per configured provider: Powens lets the user pick the bank on its own page; Enable Banking links one
 * named bank, picked here from the provider's list for a country.
 */
function providerChoices(providers, leave, connectProblem) {
  const choices = [h('h2', {}, 'Connect through')];
  if (providers.includes('powens')) {
    const powens = h('button', { type: 'button', id: 'connect-powens' }, 'Powens: pick your bank on its page');
    powens.addEventListener('click', () => leave('/api/auth/powens/url', powens));
    choices.push(h('p', {}, powens));
  }
  if (providers.includes('enablebanking')) {
    choices.push(enableBankingForm(leave, connectProblem));
  }
  return choices;
}

function enableBankingForm(leave, connectProblem) {
  const country = h('input', { id: 'eb-country', name: 'country', required: true, maxlength: '2', size: '3',
    autocomplete: 'country', pattern: '[A-Za-z]{2}', 'aria-describedby': 'eb-country-hint' });
  const banks = h('select', { id: 'eb-bank', name: 'bank', required: true, disabled: true });
  const find = h('button', { type: 'button', id: 'eb-find' }, 'Show its banks');
  const go = h('button', { type: 'submit', id: 'connect-enablebanking', disabled: true }, 'Continue to the bank');
  find.addEventListener('click', async () => {
    const code = country.value.trim().toUpperCase();
    clear(connectProblem);
    try {
      const found = await data(`/api/providers/enablebanking/banks?country=${encodeURIComponent(code)}`);
      clear(banks).append(...found.map(bank => h('option', { value: bank.name }, bank.name)));
      banks.disabled = go.disabled = found.length === 0;
      if (found.length === 0) {
        clear(connectProblem).append(h('p', { class: 'hint', role: 'status' }, `No bank found for ${code}.`));
      } else {
        banks.focus();
      }
    } catch (error) {
      clear(connectProblem).append(problem(error));
    }
  });
  const form = h('form', { id: 'eb-form' },
    h('fieldset', {}, h('legend', {}, 'Enable Banking: one bank at a time'),
      h('label', { class: 'field' }, h('span', {}, 'Country'), country,
        h('span', { class: 'hint', id: 'eb-country-hint' }, 'Two letters, e.g. FI or FR.')),
      find,
      h('label', { class: 'field' }, h('span', {}, 'Bank'), banks),
      go));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const code = country.value.trim().toUpperCase();
    leave(`/api/auth/enablebanking/url?bank=${encodeURIComponent(banks.value)}&country=${encodeURIComponent(code)}`,
      go);
  });
  return form;
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
        const link = await data(status.userAction.reconnectRoute);
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
      ['Bank consent', consent(status)],
      ...(status.unattendedCallsLeft === null || status.unattendedCallsLeft === undefined ? []
        : [['Syncs without you left today', String(status.unattendedCallsLeft)]]),
      ...(status.bankHistoryFrom ? [['History the bank lists', `from ${status.bankHistoryFrom} only`]] : []),
    ]),
    h('div', { class: 'actions' }, actions), said);
}

/** When the bank's consent ends, and how soon: the user renews it through Reconnect. */
function consent(status) {
  if (!status.consentExpiresAt) {
    return 'no end given by the provider';
  }
  const days = status.consentDaysLeft;
  const left = days === null || days === undefined ? '' : days <= 0 ? ' (ended: reconnect to renew it)'
    : ` (${days} days left)`;
  return h('span', { class: days !== null && days <= 7 ? 'consent soon' : 'consent' },
    `ends ${dateTime(status.consentExpiresAt)}${left}`);
}
