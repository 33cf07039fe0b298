// Builds elements without HTML strings (nothing echoed is ever parsed) and formats FireSync's figures.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** A failure from the API, shown as its problem detail. */
export function problem(error, lead = '') {
  return h('p', { class: 'problem', role: 'alert' }, lead, error?.message ?? String(error));
}

export function loading(what) {
  return h('p', { class: 'hint', role: 'status' }, `Loading ${what}…`);
}

export function section(title, id, ...children) {
  return h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), children);
}

/** A description list from [term, value] pairs. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) {
    return '—';
  }
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
  } catch (unknownCurrency) {
    return `${Number(amount).toFixed(2)} ${currency ?? ''}`.trim();
  }
}

export function percent(ratio, digits = 1) {
  return ratio === null || ratio === undefined ? '—' : `${(Number(ratio) * 100).toFixed(digits)} %`;
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

export function day(iso) {
  return iso ? new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';
}

/** "3 min ago", "in 2 h". */
export function ago(iso, now = Date.now()) {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const size = Math.abs(seconds);
  const [value, unit] = size < 60 ? [size, 's'] : size < 3600 ? [Math.round(size / 60), 'min']
    : size < 172800 ? [Math.round(size / 3600), 'h'] : [Math.round(size / 86400), 'days'];
  return seconds <= 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}
