// FireSync's machine codes in words.
import { ago, dateTime } from './dom.js';

const STATES = {
  active: 'Up to date',
  syncing: 'Syncing now',
  failing: 'Failing (FireSync retries by itself)',
  needs_user_action: 'Needs you: reconnect the bank',
  disabled: 'Disabled',
};

const ERRORS = {
  SCARequired: 'the bank asks you to confirm your identity again (strong authentication)',
  webauthRequired: 'the bank asks you to sign in again on its website',
  wrongpass: 'the bank refused the login or password',
  passwordExpired: 'your bank password expired',
  actionNeeded: 'the bank needs an action from you on its website',
  additionalInformationNeeded: 'the bank needs more information from you',
  decoupled: 'the bank waits for a confirmation in its app',
  auth_invalid: 'the bank access was revoked: reconnect it',
  rate_limited: 'the aggregator asked FireSync to slow down',
  timeout: 'the bank did not answer in time',
  io: 'the bank could not be reached',
  websiteUnavailable: 'the bank\'s website is unavailable',
  malformed_response: 'the bank\'s answer could not be read',
  circuit_open: 'paused after repeated failures',
  quota_exhausted: 'the bank\'s daily limit on reads without you is spent',
  consent_expired: 'the consent you gave the bank ended: reconnect to renew it',
};

export function state(code) {
  return STATES[code] ?? code ?? 'Unknown';
}

export function error(code) {
  if (!code) {
    return 'None';
  }
  if (ERRORS[code]) {
    return ERRORS[code];
  }
  const http = /^http_(\d{3})$/.exec(code);
  return http ? `the aggregator answered HTTP ${http[1]}` : code.replaceAll('_', ' ');
}

/** A sync answer as one line: "synced: 3 accounts, 12 new, 1 updated", "skipped: synced 3 min ago". */
export function decision(answer, lastSuccessAt) {
  if (answer.decision === 'synced') {
    return `synced: ${answer.accounts} accounts, ${answer.added} new, ${answer.updated} updated, `
      + `${answer.removed} removed transactions in ${answer.durationMs} ms`;
  }
  if (answer.decision === 'skipped') {
    const why = {
      fresh: `synced ${ago(lastSuccessAt)}`,
      rate_limited: `synced too recently, next allowed ${ago(answer.nextAllowedAt)} (${dateTime(answer.nextAllowedAt)})`,
      in_progress: 'a sync of this bank is already running',
      needs_user_action: 'the bank needs you: reconnect it first',
      circuit_open: `paused after repeated failures, next try ${ago(answer.nextAllowedAt)}`,
      disabled: 'the connection is disabled',
      quota_exhausted: `the bank's daily reads without you are spent, next allowed ${ago(answer.nextAllowedAt)}`,
    }[answer.reason] ?? answer.reason;
    return `skipped: ${why}`;
  }
  return `failed: ${error(answer.reason)}`;
}
