// Transactions: filters (account, dates, pending, label), newest first, more rows as you scroll (the API's cursor).
import { data, api } from '../api.js';
import { clear, day, h, money, problem } from '../dom.js';

export const title = 'Transactions';

const PAGE_SIZE = 50;

export async function render(page) {
  const account = h('select', { id: 'filter-account' }, h('option', { value: '' }, 'All accounts'));
  const from = h('input', { id: 'filter-from', type: 'date' });
  const to = h('input', { id: 'filter-to', type: 'date' });
  const pending = h('select', { id: 'filter-pending' }, h('option', { value: '' }, 'Booked and pending'),
    h('option', { value: 'true' }, 'Pending only'), h('option', { value: 'false' }, 'Booked only'));
  const search = h('input', { id: 'filter-search', type: 'search', maxlength: '100' });
  const form = h('form', { class: 'filters', id: 'filters', role: 'search', 'aria-label': 'Transaction filters' },
    field('Account', account), field('From', from), field('To', to), field('Status', pending),
    field('Label contains', search), h('button', { type: 'submit' }, 'Apply'));
  const body = h('tbody');
  const table = h('table', { class: 'transactions' }, h('caption', { class: 'visually-hidden' }, 'Transactions'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Label'),
      h('th', { scope: 'col', class: 'num' }, 'Amount'))), body);
  const status = h('p', { id: 'transactions-status', role: 'status', class: 'hint' });
  const more = h('button', { type: 'button', id: 'load-more', class: 'secondary', hidden: true }, 'Load more');
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const failure = h('div');
  page.append(h('h1', {}, 'Transactions'), form, failure, table, status, more, sentinel);

  const accounts = new Map();
  try {
    for (const each of await data('/api/accounts')) {
      accounts.set(each.id, each);
      account.append(h('option', { value: each.id }, `${each.name} (${each.bank})`));
    }
  } catch (error) {
    failure.append(problem(error));
  }

  let cursor = null;
  let query = '';
  let busy = false;
  let shown = 0;
  let generation = 0;

  const next = async () => {
    if (busy || cursor === undefined) {
      return;
    }
    busy = true;
    const mine = generation;
    status.textContent = 'Loading…';
    try {
      const answer = await api(`/api/transactions?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (mine !== generation) {
        return;
      }
      for (const row of answer.data) {
        body.append(line(row, accounts));
      }
      shown += answer.data.length;
      cursor = answer.page.nextCursor ?? undefined;
      more.hidden = cursor === undefined;
      status.textContent = shown === 0 ? 'No transaction matches these filters.'
        : `${shown} transactions shown${cursor === undefined ? ', all of them' : '; scroll for more'}.`;
    } catch (error) {
      clear(failure).append(problem(error));
      status.textContent = '';
    } finally {
      busy = false;
    }
    if (mine === generation && cursor !== undefined && visible(sentinel)) {
      next();
    }
  };

  const reset = () => {
    generation += 1;
    busy = false;
    cursor = null;
    shown = 0;
    clear(body);
    clear(failure);
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    for (const [name, input] of [['accountId', account], ['from', from], ['to', to], ['pending', pending],
      ['search', search]]) {
      if (input.value.trim()) {
        params.set(name, input.value.trim());
      }
    }
    query = params.toString();
    return next();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    reset();
  });
  more.addEventListener('click', next);
  const observer = new IntersectionObserver((entries) => {
    if (entries.some(entry => entry.isIntersecting)) {
      next();
    }
  }, { rootMargin: '200px' });
  observer.observe(sentinel);
  await reset();
  return () => observer.disconnect();
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

function visible(element) {
  return element.getBoundingClientRect().top < window.innerHeight + 200;
}

function line(row, accounts) {
  const account = accounts.get(row.accountId);
  return h('tr', { 'data-transaction': row.id, class: row.pending ? 'pending' : null },
    h('td', {}, day(row.date)),
    h('td', {}, h('span', { class: 'label' }, row.label ?? row.originalLabel ?? '—'),
      row.pending ? h('span', { class: 'tag' }, 'pending') : null,
      h('span', { class: 'hint block' }, account ? account.name : `account ${row.accountId}`,
        row.originalAmount !== null && row.originalAmount !== undefined
          ? ` · ${money(row.originalAmount, row.originalCurrency)}` : '')),
    h('td', { class: `num ${Number(row.amount) < 0 ? 'debit' : 'credit'}` }, money(row.amount, row.currency)));
}
