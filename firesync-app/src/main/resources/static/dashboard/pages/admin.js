// Admin: users and tokens (a new token is shown once), jobs (status, trigger), health, metrics.
import { data, session } from '../api.js';
import { clear, dateTime, facts, h, problem, section } from '../dom.js';

export const title = 'Admin';

export async function render(page, context) {
  page.append(h('h1', {}, 'Admin'));
  if (!context.isAdmin) {
    page.append(h('p', { class: 'problem', role: 'alert' }, 'This page needs an admin token.'));
    return;
  }
  const users = h('div', { id: 'admin-users' });
  const tokens = h('div', { id: 'admin-tokens' });
  const jobs = h('div', { id: 'admin-jobs' });
  const health = h('div', { id: 'admin-health' });
  page.append(h('div', { class: 'grid' },
    section('Users', 'users-title', users),
    section('Your tokens', 'tokens-title', tokens),
    section('Jobs', 'jobs-title', jobs),
    section('Health', 'health-title', health),
    section('Metrics', 'metrics-title', h('p', {}, h('a', { href: '/actuator/prometheus', id: 'prometheus' },
      '/actuator/prometheus'), ': Prometheus metrics. Scrape them with the admin token as a bearer header ',
    '(a browser tab opened on the link has no token and is refused).'))));
  await Promise.all([userForms(users), tokenList(tokens), jobList(jobs), healthView(health)]);
}

/** Shows a new token once, with the way to copy it. */
function shownOnce(who, token) {
  const value = h('input', { readonly: true, value: token, class: 'token', 'aria-label': `New token for ${who}`,
    spellcheck: 'false' });
  value.addEventListener('focus', () => value.select());
  return h('div', { class: 'shown-once', role: 'status' }, h('p', {}, `Token for ${who}, shown this once: copy it now.`),
    value);
}

async function userForms(box) {
  const name = h('input', { id: 'new-user-name', required: true, maxlength: '200' });
  const said = h('div', { 'aria-live': 'polite' });
  const list = h('ul', { class: 'rows', id: 'user-list' });
  const load = async () => {
    try {
      const users = await data('/api/admin/users');
      clear(list).append(...users.map(user => {
        const issue = h('button', { type: 'button', class: 'issue secondary' }, 'Issue a token',
          h('span', { class: 'visually-hidden' }, ` for ${user.name}`));
        issue.addEventListener('click', async () => {
          try {
            const token = await data(`/api/admin/users/${user.id}/tokens`, { method: 'POST' });
            clear(said).append(shownOnce(`${user.name} (user ${token.userId})`, token.token));
          } catch (error) {
            clear(said).append(problem(error));
          }
        });
        return h('li', { 'data-user': user.id }, h('strong', {}, user.name), ' ',
          h('span', { class: 'tag' }, user.role.toLowerCase()),
          h('span', { class: 'hint block' }, `user ${user.id}, created ${dateTime(user.createdAt)}`), issue);
      }));
    } catch (error) {
      clear(said).append(problem(error));
    }
  };
  const create = h('form', { id: 'create-user' }, h('label', { class: 'field' }, h('span', {}, 'New user\'s name'), name),
    h('button', { type: 'submit' }, 'Create user'));
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const user = await data('/api/admin/users', { method: 'POST', body: { name: name.value.trim() } });
      clear(said).append(shownOnce(`${user.name} (user ${user.id})`, user.token));
      name.value = '';
      await load();
    } catch (error) {
      clear(said).append(problem(error));
    }
  });
  box.append(create, said, list);
  await load();
}

async function tokenList(box) {
  const list = h('ul', { class: 'rows', id: 'token-list' });
  const issued = h('div', { 'aria-live': 'polite' });
  const said = h('div', { 'aria-live': 'polite' });
  const issue = h('button', { type: 'button', id: 'issue-token', class: 'secondary' }, 'Issue me another token');
  const load = async () => {
    try {
      const tokens = await data('/api/tokens');
      const mine = session.token()?.slice(0, 8);
      clear(list).append(...tokens.map(token => {
        const revoke = h('button', { type: 'button', class: 'revoke secondary' }, 'Revoke',
          h('span', { class: 'visually-hidden' }, ` token ${token.prefix}`));
        revoke.addEventListener('click', async () => {
          try {
            await data(`/api/tokens/${token.id}`, { method: 'DELETE' });
            clear(said).append(h('p', { role: 'status' }, `Token ${token.prefix}… revoked.`));
          } catch (error) {
            clear(said).append(problem(error));
          }
          await load();
        });
        return h('li', { 'data-token': token.id, class: token.revoked ? 'revoked' : null },
          h('code', {}, `${token.prefix}…`), ' ',
          token.prefix === mine ? h('span', { class: 'tag' }, 'this tab') : null,
          token.revoked ? h('span', { class: 'tag warn' }, 'revoked') : null,
          h('span', { class: 'hint block' }, `created ${dateTime(token.createdAt)}, last used ${dateTime(token.lastUsedAt)}`),
          token.revoked || token.prefix === mine ? null : revoke);
      }));
    } catch (error) {
      clear(said).append(problem(error));
    }
  };
  issue.addEventListener('click', async () => {
    try {
      const token = await data('/api/tokens', { method: 'POST' });
      clear(issued).append(shownOnce('you', token.token));
      await load();
    } catch (error) {
      clear(issued).append(problem(error));
    }
  });
  box.append(issue, issued, said, list);
  await load();
}

async function jobList(box) {
  const said = h('div', { 'aria-live': 'polite' });
  const list = h('ul', { class: 'rows', id: 'job-list' });
  const load = async () => {
    try {
      const jobs = await data('/api/sync/jobs/status');
      clear(list).append(...jobs.map(job => {
        const trigger = h('button', { type: 'button', class: 'trigger secondary' }, 'Run now',
          h('span', { class: 'visually-hidden' }, ` ${job.name}`));
        trigger.addEventListener('click', async () => {
          try {
            const queued = await data(`/api/sync/jobs/trigger/${encodeURIComponent(job.name)}`, { method: 'POST' });
            clear(said).append(h('p', { role: 'status' }, `${queued.job} queued at ${dateTime(queued.queuedAt)}.`));
          } catch (error) {
            clear(said).append(problem(error));
          }
          await load();
        });
        return h('li', { 'data-job': job.name }, h('strong', {}, job.name), ' ',
          h('span', { class: 'tag' }, job.running ? 'running' : job.enabled ? job.schedule : 'schedule off'),
          facts([['Last run', `${dateTime(job.lastRun)}${job.lastOutcome ? ` (${job.lastOutcome})` : ''}`],
            ['Result', job.lastResult], ['Next run', dateTime(job.nextRun)]]), trigger);
      }));
    } catch (error) {
      clear(said).append(problem(error));
    }
  };
  box.append(said, list);
  await load();
}

async function healthView(box) {
  try {
    const health = await data('/api/sync/health');
    box.append(h('p', {}, 'Status: ', h('strong', { id: 'health-status' }, health.status)),
      facts([
        ['Syncs', `${health.syncService.successfulSyncs} of ${health.syncService.totalSyncs} succeeded `
          + `(${health.syncService.successRate}), ${health.syncService.activeJobs} running`],
        ['Scheduled jobs', `${health.scheduledJobs.totalJobs} jobs, ${health.scheduledJobs.status}`],
        ['Database', `${health.database.connections} connections, ${health.database.accounts} accounts, `
          + `${health.database.transactions} transactions, ${health.database.status}`],
        ['Reasons', (health.reasons ?? []).join('; ') || 'none'],
      ]));
  } catch (error) {
    box.append(problem(error));
  }
}
