import { h, focusOn, replace } from '../lib/dom.ts';
import type { SearchHit as Hit } from '#shared/schemas/responses.ts';
import type { ConsoleShared } from './shared.ts';
import { queueName, t } from './locale.ts';


/**
 * Search across the caller's queues (GET /investigator/search): words in any
 * script, folded like the deduplicator folds them, or an exact tip id.
 */
export function renderSearch(section: HTMLElement, shared: ConsoleShared, objects: readonly { objectId: string; title: string }[]): void {
  const q = h('input', { id: 'search-q', name: 'q', type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: 200, 'aria-describedby': 'search-hint' });
  const object = h('select', { id: 'search-object', name: 'objectId' }, h('option', { value: '' }, t('any')), objects.map((entry) => h('option', { value: entry.objectId }, entry.title)));
  const from = h('input', { id: 'search-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'search-to', name: 'to', type: 'date' });
  const status = h('p', { id: 'search-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const results = h('div', { id: 'search-results' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', novalidate: true, 'aria-label': t('searchLabel') },
    h('div', { class: 'field field-wide' }, h('label', { for: 'search-q' }, t('searchWords')), h('p', { id: 'search-hint', class: 'hint' }, t('searchHint')), q),
    h('div', { class: 'field' }, h('label', { for: 'search-object' }, t('object')), object),
    h('div', { class: 'field' }, h('label', { for: 'search-from' }, t('searchFrom')), from),
    h('div', { class: 'field' }, h('label', { for: 'search-to' }, t('searchTo')), to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button button-primary' }, t('searchButton'))),
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
      status.textContent = t('searchNeedsWords');
      q.focus();
      return;
    }
    status.textContent = t('searching');
    let body: { items: Hit[]; complete: boolean };
    try {
      body = (await shared.api<{ items: Hit[]; complete: boolean }>(`/investigator/search?${params.toString()}`)).body;
    } catch (error) {
      status.textContent = '';
      replace(results, h('p', { class: 'alert alert-error', role: 'alert' }, shared.describe(error)));
      return;
    }
    const count = body.items.length;
    status.textContent = `${t('searchFound', { count })}${body.complete ? '' : ` ${t('searchIncomplete')}`}`;
    replace(
      results,
      count === 0
        ? null
        : h('div', { class: 'table-scroll' },
            h('table', { class: 'data-table queue-table', id: 'search-table' },
              h('caption', { class: 'visually-hidden' }, t('searchCaption')),
              h('thead', {}, h('tr', {}, (['columnTip', 'columnQueue', 'columnObject', 'columnStatus', 'columnSubmitted'] as const).map((key) => h('th', { scope: 'col' }, t(key))))),
              h('tbody', {}, body.items.map((hit) =>
                h('tr', { 'data-tip-id': hit.tipId },
                  h('td', { class: 'tip-cell' }, h('button', { type: 'button', class: 'linklike', onclick: () => void shared.openTip(hit.tipId) }, shared.excerpt(hit.text, 140))),
                  h('td', {}, queueName(hit.country)),
                  h('td', { title: hit.objectId }, shared.objectLabel(hit.objectId)),
                  h('td', {}, h('span', { class: `status status-${hit.status}` }, shared.statusLabel(hit.status))),
                  h('td', {}, h('time', { datetime: hit.submittedAt }, shared.formatTime(hit.submittedAt)))))))),
    );
    focusOn(status);
  }

  replace(section, h('h2', { id: 'search-heading' }, t('searchHeading')), form, status, results, receiptLookup(shared));
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
    h('div', { class: 'field field-wide' }, h('label', { for: 'receipt-code' }, t('receiptLabel')), h('p', { id: 'receipt-hint', class: 'hint' }, t('receiptHint')), receipt),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('receiptSubmit'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void lookUp();
  });

  async function lookUp(): Promise<void> {
    const code = receipt.value.trim();
    if (code === '') {
      status.textContent = t('receiptEmpty');
      receipt.focus();
      return;
    }
    status.textContent = t('receiptSearching');
    let tipId: string;
    try {
      tipId = (await shared.api<{ tipId: string }>('/investigator/receipts/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt: code }) })).body.tipId;
    } catch (error) {
      status.textContent = shared.describe(error);
      receipt.focus();
      return;
    }
    receipt.value = '';
    status.textContent = t('receiptFound', { tipId });
    await shared.openTip(tipId);
  }

  return h('section', { class: 'receipt-lookup', 'aria-labelledby': 'receipt-heading' }, h('h3', { id: 'receipt-heading' }, t('receiptHeading')), form, status);
}
