// Calls FireSync's API with the tab's token as a bearer header; a refusal becomes a Problem carrying its `detail`.

const TOKEN = 'firesync.token';

export class Problem extends Error {
  constructor(status, detail, code) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  signIn: (token) => sessionStorage.setItem(TOKEN, token),
  signOut: () => sessionStorage.removeItem(TOKEN),
};

export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const token = session.token();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit', redirect: 'error',
    });
  } catch (unreachable) {
    throw new Problem(0, 'FireSync cannot be reached. Check that it is running, then try again.');
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (!response.ok) {
    const problem = parse(text);
    const detail = problem?.detail ?? `FireSync answered ${response.status} ${response.statusText}.`;
    throw new Problem(response.status, detail, problem?.code);
  }
  return accept === 'application/json' ? parse(text) : text;
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch (notJson) {
    return null;
  }
}

/** The data of a `{"success":true,"data":...}` answer. */
export async function data(path, options) {
  return (await api(path, options))?.data;
}
