// Accounts: every account of the caller, grouped by bank, with balances.
import { data } from '../api.js';
import { clear, dateTime, h, money, problem, section } from '../dom.js';

export const title = 'Accounts';

export async function render(page) {
  const list = h('div', { id: 'accounts', 'aria-live': 'polite' });
  page.append(h('h1', {}, 'Accounts'), list);
  let timer = null;
  const load = async (attempt) => {
    try {
      const accounts = await data('/api/accounts');
      clear(list).append(...view(accounts));
      if (accounts.length === 0 && attempt < 15) {
        timer = setTimeout(() => load(attempt + 1), 2000);
      }
    } catch (error) {
      clear(list).append(problem(error));
    }
  };
  await load(0);
  return () => clearTimeout(timer);
}

function view(accounts) {
  if (accounts.length === 0) {
    return [h('p', { class: 'empty' }, 'No accounts yet. After you connect a bank, its first sync brings them here ',
      '(this page looks again every few seconds).')];
  }
  const banks = new Map();
  for (const account of accounts) {
    const key = `${account.bank} (connection ${account.connectionId})`;
    banks.set(key, [...(banks.get(key) ?? []), account]);
  }
  return [...banks].map(([bank, rows], index) => section(bank, `bank-${index}`,
    h('ul', { class: 'rows' }, rows.map(account => h('li', { class: 'account', 'data-account': account.id },
      h('div', { class: 'row-main' }, h('strong', {}, account.name), ' ',
        h('span', { class: 'tag' }, account.type ?? 'account'),
        account.disabled ? h('span', { class: 'tag warn' }, 'disabled') : null,
        account.archived ? h('span', { class: 'tag' }, 'archived') : null),
      h('div', { class: 'row-figure' }, money(account.balance, account.currency)),
      h('div', { class: 'hint' }, account.coming ? `coming ${money(account.coming, account.currency)} · ` : '',
        `updated ${dateTime(account.lastUpdate)}`)))))); 
}
