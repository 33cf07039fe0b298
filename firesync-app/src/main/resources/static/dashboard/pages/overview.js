// Overview: net worth over time, the FIRE summary with editable assumptions, savings rate per month, freshness.
import { data, Problem } from '../api.js';
import { ago, clear, day, facts, h, loading, money, percent, problem, section } from '../dom.js';
import * as words from '../words.js';

export const title = 'Overview';

const UNAVAILABLE = 'Analytics are not available on this FireSync server: ';

export async function render(page) {
  const worth = h('div', { id: 'net-worth' }, loading('net worth'));
  const fire = h('div', { id: 'fire' });
  const savings = h('div', { id: 'savings-rate' }, loading('savings rate'));
  const fresh = h('div', { id: 'freshness' }, loading('connections'));
  page.append(h('h1', {}, 'Overview'), h('div', { class: 'grid' },
    section('Net worth', 'net-worth-title', worth),
    section('Financial independence', 'fire-title', fire),
    section('Savings rate per month', 'savings-title', savings),
    section('Connections', 'freshness-title', fresh)));
  const charts = [];
  await Promise.all([
    netWorth(worth, charts),
    fireSummary(fire),
    savingsRate(savings),
    freshness(fresh),
  ]);
  const resize = () => charts.forEach(({ chart, box }) => chart.setSize({ width: box.clientWidth, height: 240 }));
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach(({ chart }) => chart.destroy());
  };
}

function unavailable(error) {
  return problem(error, error instanceof Problem && error.status === 404 ? UNAVAILABLE : '');
}

async function netWorth(box, charts) {
  let answer;
  try {
    answer = await data('/api/analytics/net-worth?interval=month');
  } catch (error) {
    clear(box).append(unavailable(error));
    return;
  }
  const currencies = (answer?.currencies ?? []).filter(each => each.series?.length);
  if (currencies.length === 0) {
    clear(box).append(h('p', { class: 'empty' }, 'No balances yet: connect a bank first.'));
    return;
  }
  clear(box);
  let uPlot = null;
  try {
    uPlot = (await import('/webjars/uplot/dist/uPlot.esm.js')).default;
  } catch (missing) {
    box.append(h('p', { class: 'hint' }, 'The chart library could not be loaded; the figures are below.'));
  }
  for (const { currency, series } of currencies) {
    const last = series[series.length - 1];
    const figure = h('figure', { class: 'chart' },
      h('figcaption', {}, `${currency}: ${money(last.netWorth, currency)} on ${day(last.date)}`));
    const plot = h('div', { class: 'plot', role: 'img',
      'aria-label': `Net worth in ${currency}, from ${day(series[0].date)} to ${day(last.date)}` });
    figure.append(plot);
    box.append(figure, table(series, currency));
    if (uPlot) {
      const chart = new uPlot({
        width: Math.max(plot.clientWidth, 240), height: 240,
        series: [{}, { label: 'Net worth', stroke: '#0b57d0', width: 2, fill: 'rgba(11,87,208,0.08)',
          value: (u, v) => money(v, currency) }],
        axes: [{}, { size: 70, values: (u, values) => values.map(v => compact(v)) }],
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
      }, [series.map(p => new Date(`${p.date}T12:00:00`).getTime() / 1000), series.map(p => Number(p.netWorth))], plot);
      charts.push({ chart, box: plot });
    }
  }
}

function compact(value) {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

function table(series, currency) {
  return h('details', {}, h('summary', {}, 'Figures'),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'),
      h('th', { scope: 'col', class: 'num' }, 'Assets'), h('th', { scope: 'col', class: 'num' }, 'Liabilities'),
      h('th', { scope: 'col', class: 'num' }, 'Net worth'))),
    h('tbody', {}, series.map(p => h('tr', {}, h('td', {}, day(p.date)),
      h('td', { class: 'num' }, money(p.assets, currency)), h('td', { class: 'num' }, money(p.liabilities, currency)),
      h('td', { class: 'num' }, money(p.netWorth, currency)))))));
}

const ASSUMPTIONS = [
  ['withdrawalRate', 'Withdrawal rate', '0.04', 'a yearly share of the portfolio, e.g. 0.04 for 4 %'],
  ['realReturn', 'Real return', '0.05', 'yearly, after inflation, e.g. 0.05'],
  ['annualExpenses', 'Annual expenses', '', 'blank: measured over the last 12 months'],
  ['annualSavings', 'Annual savings', '', 'blank: measured over the last 12 months'],
];

async function fireSummary(box) {
  const inputs = ASSUMPTIONS.map(([name, label, value, hint]) => {
    const input = h('input', { id: `fire-${name}`, name, inputmode: 'decimal', value,
      'aria-describedby': `fire-${name}-hint` });
    return [name, input, h('label', { class: 'field' }, h('span', {}, label), input,
      h('span', { class: 'hint', id: `fire-${name}-hint` }, hint))];
  });
  const figures = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'assumptions', id: 'fire-form' },
    h('fieldset', {}, h('legend', {}, 'Assumptions'), inputs.map(([, , field]) => field),
      h('button', { type: 'submit' }, 'Recompute')));
  box.append(figures, form);
  const load = async () => {
    const params = new URLSearchParams();
    for (const [name, input] of inputs) {
      if (input.value.trim()) {
        params.set(name, input.value.trim());
      }
    }
    try {
      const answer = await data(`/api/analytics/fire?${params}`);
      clear(figures).append(...(answer?.length ? answer.map(summary)
        : [h('p', { class: 'empty' }, 'No figures yet: connect a bank first.')]));
    } catch (error) {
      clear(figures).append(unavailable(error));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  await load();
}

function summary(fire) {
  const c = fire.currency;
  const progress = fire.progress === null || fire.progress === undefined ? null : Number(fire.progress);
  return h('div', { class: 'fire-figures' },
    h('h3', {}, c),
    facts([
      ['FI number', money(fire.fiNumber, c)],
      ['Investable assets', money(fire.investableAssets, c)],
      ['Progress', h('span', {}, percent(progress), ' ', progress === null ? null
        : h('progress', { max: '1', value: String(Math.min(progress, 1)), 'aria-label': 'Progress to FI' }))],
      ['Years to FI', fire.yearsToFi === null || fire.yearsToFi === undefined ? 'not reached at this pace'
        : `${Number(fire.yearsToFi).toFixed(1)} years${fire.fiDate ? ` (${day(fire.fiDate)})` : ''}`],
      ['Coast FI number', money(fire.coastFiNumber, c)],
    ]),
    h('ul', { class: 'hint assumptions-used' }, (fire.assumptions ?? []).map(a => h('li', {},
      `${a.name} ${a.value} (${a.source}${a.from ? `, ${day(a.from)} to ${day(a.to)}` : ''})`))));
}

async function savingsRate(box) {
  let answer;
  try {
    answer = await data('/api/analytics/cash-flow?interval=month');
  } catch (error) {
    clear(box).append(unavailable(error));
    return;
  }
  const currencies = (answer?.currencies ?? []).filter(each => each.periods?.length);
  if (currencies.length === 0) {
    clear(box).append(h('p', { class: 'empty' }, 'No income or spending yet.'));
    return;
  }
  clear(box).append(...currencies.map(({ currency, periods }) => h('table', { class: 'savings' },
    h('caption', {}, currency),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col', class: 'num' }, 'Income'),
      h('th', { scope: 'col', class: 'num' }, 'Spent'), h('th', { scope: 'col', class: 'num' }, 'Rate'))),
    h('tbody', {}, periods.map(p => h('tr', {},
      h('td', {}, new Date(`${p.from}T00:00:00`).toLocaleDateString(undefined, { month: 'short', year: 'numeric' })),
      h('td', { class: 'num' }, money(p.income, currency)), h('td', { class: 'num' }, money(p.expenses, currency)),
      h('td', { class: 'num' }, percent(p.savingsRate, 0))))))));
}

async function freshness(box) {
  try {
    const statuses = await data('/api/sync/status');
    clear(box).append(statuses.length === 0
      ? h('p', { class: 'empty' }, 'No bank connected yet.', ' ', h('a', { href: '#/connections' }, 'Connect a bank'))
      : h('ul', { class: 'rows' }, statuses.map(s => h('li', { 'data-connection': s.connectionId },
        h('strong', {}, s.bank), ' ', h('span', { class: `tag ${s.stale || s.userAction?.required ? 'warn' : ''}` },
          words.state(s.state)), h('span', { class: 'hint block' }, `synced ${ago(s.lastSuccessAt)}`,
          s.stale ? ' · stale' : '')))));
  } catch (error) {
    clear(box).append(problem(error));
  }
}
