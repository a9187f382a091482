import { h, focusOn, replace } from '../lib/dom.ts';
import type { SearchHit as Hit } from '#shared/schemas/responses.ts';
import type { ConsoleShared } from './shared.ts';


/**
 * Search across the caller's queues (GET /investigator/search): words in any
 * script, folded like the deduplicator folds them, or an exact tip id.
 */
export function renderSearch(section: HTMLElement, shared: ConsoleShared, objects: readonly { objectId: string; title: string }[]): void {
  const q = h('input', { id: 'search-q', name: 'q', type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: 200, 'aria-describedby': 'search-hint' });
  const object = h('select', { id: 'search-object', name: 'objectId' }, h('option', { value: '' }, 'Any'), objects.map((entry) => h('option', { value: entry.objectId }, entry.title)));
  const from = h('input', { id: 'search-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'search-to', name: 'to', type: 'date' });
  const status = h('p', { id: 'search-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const results = h('div', { id: 'search-results' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', novalidate: true, 'aria-label': 'Search tips' },
    h('div', { class: 'field field-wide' }, h('label', { for: 'search-q' }, 'Words or tip id'), h('p', { id: 'search-hint', class: 'hint' }, 'Any language; case and accents do not matter. Every word must occur.'), q),
    h('div', { class: 'field' }, h('label', { for: 'search-object' }, 'Object'), object),
    h('div', { class: 'field' }, h('label', { for: 'search-from' }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: 'search-to' }, 'To'), to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button button-primary' }, 'Search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams({ q: q.value.trim() });
    if (object.value !== '') params.set('objectId', object.value);
    if (from.value !== '') params.set('from', from.value);
    if (to.value !== '') params.set('to', to.value);
    void run(params);
  });

  async function run(params: URLSearchParams): Promise<void> {
    if ((params.get('q') ?? '') === '') {
      status.textContent = 'Type a word or a tip id.';
      q.focus();
      return;
    }
    status.textContent = 'Searching…';
    let body: { items: Hit[]; complete: boolean };
    try {
      body = (await shared.api<{ items: Hit[]; complete: boolean }>(`/investigator/search?${params.toString()}`)).body;
    } catch (error) {
      status.textContent = '';
      replace(results, h('p', { class: 'alert alert-error', role: 'alert' }, shared.describe(error)));
      return;
    }
    const count = body.items.length;
    status.textContent = `${count} ${count === 1 ? 'tip' : 'tips'} found${body.complete ? '' : ' (a word is very common: narrow by object or date to see all)'}.`;
    replace(
      results,
      count === 0
        ? null
        : h('div', { class: 'table-scroll' },
            h('table', { class: 'data-table queue-table', id: 'search-table' },
              h('caption', { class: 'visually-hidden' }, 'Search results'),
              h('thead', {}, h('tr', {}, ['Tip', 'Queue', 'Object', 'Status', 'Submitted'].map((label) => h('th', { scope: 'col' }, label)))),
              h('tbody', {}, body.items.map((hit) =>
                h('tr', { 'data-tip-id': hit.tipId },
                  h('td', { class: 'tip-cell' }, h('button', { type: 'button', class: 'linklike', onclick: () => void shared.openTip(hit.tipId) }, shared.excerpt(hit.text, 140))),
                  h('td', {}, hit.country),
                  h('td', { title: hit.objectId }, shared.objectLabel(hit.objectId)),
                  h('td', {}, h('span', { class: `status status-${hit.status}` }, shared.statusLabel(hit.status))),
                  h('td', {}, h('time', { datetime: hit.submittedAt }, shared.formatTime(hit.submittedAt)))))))),
    );
    focusOn(status);
  }

  replace(section, h('h2', { id: 'search-heading' }, 'Search'), form, status, results, receiptLookup(shared));
}

/**
 * Find a tip by the receipt a tipster quotes (POST /investigator/receipts/lookup). The code
 * travels only in a request body: it is a secret that opens the tipster's conversation, so it
 * never enters the address, and the field is emptied once the tip is found.
 */
function receiptLookup(shared: ConsoleShared): HTMLElement {
  const receipt = h('input', { id: 'receipt-code', name: 'receipt', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 64, dir: 'ltr', 'aria-describedby': 'receipt-hint' });
  const status = h('p', { id: 'receipt-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const form = h(
    'form',
    { class: 'filters', novalidate: true, 'aria-labelledby': 'receipt-heading' },
    h('div', { class: 'field field-wide' }, h('label', { for: 'receipt-code' }, 'Receipt code the tipster quotes'), h('p', { id: 'receipt-hint', class: 'hint' }, 'Spaces, dashes and case do not matter. The code is sent in the request body only; it is never kept in the page or the address.'), receipt),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, 'Find the tip')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void lookUp();
  });

  async function lookUp(): Promise<void> {
    const code = receipt.value.trim();
    if (code === '') {
      status.textContent = 'Type the receipt code.';
      receipt.focus();
      return;
    }
    status.textContent = 'Looking up the receipt…';
    let tipId: string;
    try {
      tipId = (await shared.api<{ tipId: string }>('/investigator/receipts/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt: code }) })).body.tipId;
    } catch (error) {
      status.textContent = shared.describe(error);
      receipt.focus();
      return;
    }
    receipt.value = '';
    status.textContent = `Found: tip ${tipId}.`;
    await shared.openTip(tipId);
  }

  return h('section', { class: 'receipt-lookup', 'aria-labelledby': 'receipt-heading' }, h('h3', { id: 'receipt-heading' }, 'Find a tip by its receipt'), form, status);
}
