import '../styles/base.css';
import '../styles/console.css';
import { barChart, dataTable } from '../lib/chart.ts';
import { byId, focusOn, h, replace } from '../lib/dom.ts';
import { splitHighlights } from '../lib/highlight.ts';
import { unroutedExplanation } from '../lib/reason.ts';
import { ApiError, NetworkError, requestJson, type JsonResponse } from '../lib/http.ts';
import { isExpired, tokenInfo, type TokenInfo } from '../lib/jwt.ts';
import { cognitoLoginUrl, loadConfig, tokenFromFragment, type ConsoleConfig } from './config.ts';
import { clusterMemberLabel } from './cluster.ts';
import { conversationPanel, type ConversationTip } from './conversation.ts';
import { renderOverview } from './overview.ts';
import { renderSearch } from './search.ts';
import { renderObjects, type ConsoleObject } from './objects.ts';
import { translationPanel, type KeptTranslation } from './translation.ts';
import { objectLabel, objectTitleIn } from './object-label.ts';
import type { ConsoleShared } from './shared.ts';
import { TRANSITIONS, TRIAGE_STATUSES, type TriageStatusName } from '#shared/tips/transitions.ts';
import type { Evidence } from '#shared/geo/schema.ts';
import type { AttachmentView, ObjectSummary as Summary, QueuePageItem as QueueItem, TipDetail as Tip, FirstAttachment as Attachment } from '#shared/schemas/responses.ts';

/**
 * The investigator console. Tip text comes from the public: it is only ever
 * put into the page as text nodes (see lib/dom.ts), never as HTML.
 */

type Status = TriageStatusName;
const STATUSES: readonly Status[] = TRIAGE_STATUSES;
const STATUS_LABELS: Record<Status, string> = {
  new: 'New',
  in_review: 'In review',
  actionable: 'Actionable',
  dismissed: 'Dismissed',
  forwarded: 'Forwarded',
};







const ATTACHMENT_STATUS: Record<AttachmentView['status'], string> = {
  shown: '',
  'scan-pending': 'Hidden until the malware scan has finished.',
  threat: 'Hidden: the malware scan found a threat.',
  refused: 'Refused',
  awaiting: 'Not uploaded yet: it is processed when it arrives (within the upload window).',
  'original-only': 'No cleaned copy (the file could not be re-written without its metadata): not shown; a coordinator can download the original, recorded in the audit trail.',
};

/** An object as GET /investigator/objects lists it (defined with the objects view). */
type ObjectRecord = ConsoleObject;



const TOKEN_KEY = 'tipline.token';

let config: ConsoleConfig = { authMode: 'paste' };
let token: string | null = null;
let info: TokenInfo | null = null;
let objects: ObjectRecord[] = [];

const queue = {
  country: '',
  status: '',
  objectId: '',
  minConfidence: '',
  sort: 'time',
  /** Cursors of the pages before the current one, for "Previous". */
  previous: [] as (string | undefined)[],
  cursor: undefined as string | undefined,
  nextCursor: null as string | null,
  items: [] as QueueItem[],
};

let detail: Tip | null = null;
let highlightCountry: string | null = null;

/** What the views in their own modules (overview, search, conversation) use of this one. */
const shared: ConsoleShared = { api, describe, formatTime, formatConfidence, excerpt, objectTitle, objectLabel: objectLabelOf, openTip: (tipId: string) => openTip(tipId, true), statusLabel: (status: string) => STATUS_LABELS[status as Status] ?? status };

// ---------------------------------------------------------------- API

class SignedOut extends Error {}

async function api<T>(path: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  if (token === null) throw new SignedOut();
  try {
    return await requestJson<T>(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut('Your session has expired or the token is not valid. Please sign in again.');
      throw new SignedOut();
    }
    throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof NetworkError) return 'The server could not be reached. Check your connection and try again.';
  if (error instanceof ApiError) {
    const issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    if (error.status === 403) return `Not allowed: ${error.message}`;
    return issues === '' ? `${error.message} (HTTP ${error.status})` : `${error.message} — ${issues}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- session

function signIn(raw: string): string | null {
  const candidate = raw.trim().replace(/^Bearer\s+/i, '');
  const decoded = tokenInfo(candidate);
  if (decoded === null) return 'This is not a JWT: paste the whole token (three parts separated by dots).';
  if (isExpired(decoded, Date.now())) return 'This token has expired. Mint a new one.';
  token = candidate;
  info = decoded;
  try {
    sessionStorage.setItem(TOKEN_KEY, candidate);
  } catch {
    // storage disabled: the session lasts for this page only
  }
  queue.country = decoded.countries[0] ?? (decoded.coordinator ? 'unrouted' : '');
  return null;
}

function signOut(message?: string): void {
  token = null;
  info = null;
  detail = null;
  queue.items = [];
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
  renderSignIn(message);
}

function renderSession(): void {
  const session = byId('session');
  if (info === null) {
    replace(session);
    return;
  }
  const expires = info.expiresAt === null ? '' : ` · expires ${new Date(info.expiresAt * 1000).toLocaleTimeString()}`;
  replace(
    session,
    h('span', { class: 'session-user' }, 'Signed in as ', h('strong', { id: 'session-user' }, info.username)),
    h('span', { class: 'session-groups' }, ' · groups: ', h('span', { id: 'session-groups' }, info.groups.length === 0 ? 'none' : info.groups.join(', ')), expires),
    ' ',
    h('button', { type: 'button', class: 'button button-small', onclick: () => signOut('You are signed out.') }, 'Sign out'),
  );
}

function renderSignIn(message?: string): void {
  renderSession();
  const main = byId('main');
  const heading = h('h1', { id: 'page-heading' }, 'Investigator sign-in');
  if (config.authMode === 'cognito') {
    replace(
      main,
      heading,
      message === undefined ? null : h('p', { class: 'alert', role: 'status' }, message),
      h('p', {}, h('a', { class: 'button button-primary', href: cognitoLoginUrl(config, location.origin) }, 'Sign in with your agency account')),
    );
    return;
  }
  const error = h('p', { id: 'token-error', class: 'field-error', hidden: true });
  const textarea = h('textarea', { id: 'token', name: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-hint' });
  const form = h(
    'form',
    { class: 'signin', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'token' }, 'Access token'),
      h('p', { id: 'token-hint', class: 'hint' }, 'Local stack: paste a token from ', h('code', {}, 'npm run --silent token -- --groups NL'), '. It is kept in this tab only (session storage).'),
      error,
      textarea,
    ),
    h('button', { type: 'submit', class: 'button button-primary' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = signIn(textarea.value);
    if (problem !== null) {
      error.textContent = problem;
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.setAttribute('aria-describedby', 'token-error token-hint');
      textarea.focus();
      return;
    }
    void startConsole(true);
  });
  replace(main, heading, message === undefined ? null : h('p', { class: 'alert', role: 'status' }, message), form);
}

// ---------------------------------------------------------------- layout

async function startConsole(moveFocus: boolean): Promise<void> {
  renderSession();
  const main = byId('main');
  const heading = h('h1', { id: 'page-heading' }, 'Investigator console');
  replace(
    main,
    heading,
    h('section', { id: 'overview-section', class: 'panel', 'aria-labelledby': 'overview-heading' }),
    h('section', { id: 'search-section', class: 'panel', 'aria-labelledby': 'search-heading' }),
    h('div', { class: 'console-grid' },
      h('section', { id: 'queue-section', class: 'panel', 'aria-labelledby': 'queue-heading' }),
      h('section', { id: 'detail-section', class: 'panel', 'aria-labelledby': 'detail-heading' }, h('h2', { id: 'detail-heading' }, 'Tip'), h('p', { class: 'muted' }, 'Choose a tip from the queue.')),
    ),
    h('section', { id: 'summary-section', class: 'panel', 'aria-labelledby': 'summary-heading' }),
    h('section', { id: 'objects-section', class: 'panel', 'aria-labelledby': 'objects-heading' }),
  );
  if (moveFocus) focusOn(heading);
  try {
    objects = (await api<{ items: ObjectRecord[] }>('/investigator/objects')).body.items ?? [];
  } catch (error) {
    if (error instanceof SignedOut) return;
    objects = [];
  }
  renderQueueForm();
  renderSummaryForm();
  renderSearch(byId('search-section'), shared, objects);
  renderObjects(byId('objects-section'), shared, {
    coordinator: info?.coordinator === true,
    objects,
    reload: async () => {
      objects = (await api<{ items: ObjectRecord[] }>('/investigator/objects')).body.items ?? objects;
      return objects;
    },
  });
  void renderOverview(byId('overview-section'), shared, openQueue);
  if (queue.country !== '') await loadQueue();
  const deepLink = /^#\/tip\/([0-9A-Z]{26})$/.exec(location.hash);
  if (deepLink !== null) await openTip(deepLink[1]!, false);
}

// ---------------------------------------------------------------- queue

function renderQueueForm(): void {
  const section = byId('queue-section');
  if (info === null) return;
  const countries = info.countries;
  let countryControl: HTMLElement;
  if (info.coordinator) {
    countryControl = h('input', {
      id: 'q-country',
      name: 'country',
      type: 'text',
      list: 'q-country-list',
      value: queue.country,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'q-country-hint',
      class: 'input-short',
    });
  } else {
    countryControl = h('select', { id: 'q-country', name: 'country' }, countries.map((country) => h('option', { value: country, selected: country === queue.country }, country)));
  }
  const statusSelect = h('select', { id: 'q-status', name: 'status' }, h('option', { value: '' }, 'Any'), STATUSES.map((status) => h('option', { value: status, selected: status === queue.status }, STATUS_LABELS[status])));
  const objectSelect = h('select', { id: 'q-object', name: 'objectId' }, h('option', { value: '' }, 'Any'), objects.map((object) => h('option', { value: object.objectId, selected: object.objectId === queue.objectId }, `${object.title} (${object.objectId})`)));
  const minInput = h('input', { id: 'q-min', name: 'minConfidence', type: 'number', min: 0, max: 1, step: 0.05, value: queue.minConfidence, inputmode: 'decimal', class: 'input-short' });
  const sortSelect = h('select', { id: 'q-sort', name: 'sort' },
    h('option', { value: 'time', selected: queue.sort === 'time' }, 'Newest first'),
    h('option', { value: 'confidence', selected: queue.sort === 'confidence' }, 'Highest confidence first'));
  const formError = h('p', { id: 'queue-error', class: 'field-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'filters', novalidate: true, 'aria-label': 'Queue filters' },
    h('div', { class: 'field' },
      h('label', { for: 'q-country' }, 'Country queue'),
      info.coordinator ? h('p', { id: 'q-country-hint', class: 'hint' }, 'Two-letter code (PT) or “unrouted”.') : null,
      countryControl,
      info.coordinator ? h('datalist', { id: 'q-country-list' }, [...countries, 'unrouted'].map((value) => h('option', { value }))) : null),
    h('div', { class: 'field' }, h('label', { for: 'q-status' }, 'Status'), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 'q-object' }, 'Object'), objectSelect),
    h('div', { class: 'field' }, h('label', { for: 'q-min' }, 'Minimum confidence (0–1)'), minInput),
    h('div', { class: 'field' }, h('label', { for: 'q-sort' }, 'Order'), sortSelect),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, 'Show queue'),
      h('button', { type: 'button', class: 'button', id: 'export-csv', onclick: () => void exportCsv() }, 'Export CSV')),
    formError,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const raw = (countryControl as HTMLInputElement | HTMLSelectElement).value.trim();
    const country = /^[a-z]{2}$/i.test(raw) ? raw.toUpperCase() : raw.toLowerCase() === 'unrouted' ? 'unrouted' : null;
    if (country === null) {
      formError.textContent = 'Country queue: type a two-letter code such as PT, or “unrouted”.';
      formError.hidden = false;
      countryControl.setAttribute('aria-invalid', 'true');
      countryControl.focus();
      return;
    }
    formError.hidden = true;
    countryControl.removeAttribute('aria-invalid');
    Object.assign(queue, { country, status: statusSelect.value, objectId: objectSelect.value, minConfidence: minInput.value.trim(), sort: sortSelect.value, previous: [], cursor: undefined });
    void loadQueue(true);
  });
  replace(
    section,
    h('h2', { id: 'queue-heading' }, 'Queue'),
    countries.length === 0 && !info.coordinator ? h('p', { class: 'alert' }, 'Your token has no country group, so there is no queue to show.') : form,
    h('div', { id: 'export-result', role: 'status', 'aria-live': 'polite' }),
    h('p', { id: 'queue-status', role: 'status', 'aria-live': 'polite', class: 'muted' }),
    h('div', { id: 'queue-results' }),
  );
}

/** Opens a country's queue from the overview (table or map): the queue form shows it, focus goes to the result. */
async function openQueue(country: string): Promise<void> {
  Object.assign(queue, { country, status: '', previous: [], cursor: undefined });
  renderQueueForm();
  await loadQueue(true);
  byId('queue-section').scrollIntoView({ block: 'start' });
}

/** An object's title for display where its id used to be shown (the id stays available as a tooltip). */
function objectTitle(objectId: string): string {
  const object = objects.find((entry) => entry.objectId === objectId);
  return object === undefined ? objectId : objectTitleIn(object, consoleLanguage()).title;
}

/** The console's language (the page's lang), which object titles follow. */
function consoleLanguage(): string {
  return document.documentElement.lang || 'en';
}

/** An object's picture, title and id wherever its id used to be shown (./object-label.ts). */
function objectLabelOf(objectId: string): HTMLElement {
  return objectLabel(objectId, objects, consoleLanguage());
}

function queueQuery(): string {
  const params = new URLSearchParams({ limit: '20', sort: queue.sort });
  if (queue.status !== '') params.set('status', queue.status);
  if (queue.objectId !== '') params.set('objectId', queue.objectId);
  if (queue.minConfidence !== '') params.set('minConfidence', queue.minConfidence);
  if (queue.cursor !== undefined) params.set('cursor', queue.cursor);
  return params.toString();
}

async function loadQueue(announce = false): Promise<void> {
  const status = byId('queue-status');
  const results = byId('queue-results');
  status.textContent = `Loading the ${queue.country} queue…`;
  try {
    const response = await api<{ items: QueueItem[]; nextCursor: string | null }>(`/investigator/queues/${encodeURIComponent(queue.country)}?${queueQuery()}`);
    queue.items = response.body.items ?? [];
    queue.nextCursor = response.body.nextCursor ?? null;
  } catch (error) {
    if (error instanceof SignedOut) return;
    queue.items = [];
    queue.nextCursor = null;
    replace(results, h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
    status.textContent = '';
    return;
  }
  const page = queue.previous.length + 1;
  status.textContent = `${queue.country} queue, page ${page}: ${queue.items.length} ${queue.items.length === 1 ? 'tip' : 'tips'}${queue.nextCursor === null ? '' : ', more on the next page'}.`;
  renderQueueTable(results, page);
  if (announce) focusOn(status);
}

function renderQueueTable(results: HTMLElement, page: number): void {
  if (queue.items.length === 0) {
    replace(results, h('p', {}, 'No tips match these filters.'));
    return;
  }
  const table = h(
    'table',
    { class: 'data-table queue-table', id: 'queue-table' },
    h('caption', { class: 'visually-hidden' }, `Tips in the ${queue.country} queue, page ${page}`),
    h('thead', {}, h('tr', {}, ['Tip', 'Object', 'Confidence', 'Status', 'Dupl.', 'Submitted'].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      queue.items.map((item) =>
        h(
          'tr',
          { class: detail?.tipId === item.tipId ? 'selected' : '', 'data-tip-id': item.tipId },
          h('td', { class: 'tip-cell' },
            h('button', { type: 'button', class: 'linklike', onclick: () => void openTip(item.tipId, true) }, excerpt(item.text, 140)),
            item.unreadReply === true ? h('span', { class: 'unread-mark' }, ' · Unread reply') : null),
          h('td', { title: item.objectId }, objectLabelOf(item.objectId)),
          h('td', { class: 'num' }, formatConfidence(item.confidence)),
          h('td', {}, h('span', { class: `status status-${item.status}` }, STATUS_LABELS[item.status] ?? item.status)),
          h('td', { class: 'num' }, item.duplicates),
          h('td', {}, h('time', { datetime: item.submittedAt }, formatTime(item.submittedAt))),
        ),
      ),
    ),
  );
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Queue pages' },
    h('button', {
      type: 'button',
      class: 'button',
      disabled: queue.previous.length === 0,
      onclick: () => {
        queue.cursor = queue.previous.pop();
        void loadQueue(true);
      },
    }, 'Previous page'),
    h('button', {
      type: 'button',
      class: 'button',
      id: 'next-page',
      disabled: queue.nextCursor === null,
      onclick: () => {
        if (queue.nextCursor === null) return;
        queue.previous.push(queue.cursor);
        queue.cursor = queue.nextCursor;
        void loadQueue(true);
      },
    }, 'Next page'),
  );
  replace(results, h('div', { class: 'table-scroll' }, table), pager);
}

function excerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function formatConfidence(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '–';
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  // The browser's locale, long form, with the time zone: "3 December 2026 at 10:15:00 CET".
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'long' });
}

// ---------------------------------------------------------------- export

/**
 * Asks for the export as JSON (`{ url, count }`, Accept: application/json)
 * and shows the short-lived file link: the page's CSP does not let fetch
 * follow a redirect to the bucket, but a plain link can be opened.
 */
async function exportCsv(): Promise<void> {
  const result = byId('export-result');
  const country = queue.country;
  if (country === '') {
    replace(result, h('p', { class: 'alert alert-error' }, 'Show a queue first, then export it.'));
    return;
  }
  const params = new URLSearchParams({ country, format: 'csv' });
  if (queue.objectId !== '') params.set('objectId', queue.objectId);
  replace(result, h('p', {}, `Preparing the ${country} export…`));
  let response: Response;
  try {
    response = await fetch(`/investigator/exports?${params.toString()}`, {
      headers: { authorization: `Bearer ${token ?? ''}`, accept: 'application/json' },
      redirect: 'follow',
      cache: 'no-store',
    });
  } catch {
    replace(result, h('p', { class: 'alert alert-error', role: 'alert' }, 'The export could not be prepared: the server is unreachable. Please try again.'));
    return;
  }
  if (response.status === 401) {
    signOut('Your session has expired or the token is not valid. Please sign in again.');
    return;
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && type.includes('application/json')) {
    const body = (await response.json()) as { url?: unknown; count?: unknown };
    if (typeof body.url === 'string' && /^(https?:|\/)/.test(body.url)) {
      const count = typeof body.count === 'number' ? body.count : null;
      const link = h('a', { href: body.url, id: 'export-link', class: 'button', download: `tipline-${country}.csv`, rel: 'noopener' },
        `Download the ${country} CSV${count === null ? '' : ` (${count} ${count === 1 ? 'tip' : 'tips'})`}`);
      replace(result, h('p', {}, link, ' ', h('span', { class: 'muted' }, 'The download starts by itself; the link works for 15 minutes.')));
      // One click: the file comes as an attachment, so following the link downloads it and the console stays.
      link.click();
      link.focus();
      return;
    }
  }
  if (response.ok) {
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, id: 'export-link', class: 'button', download: `tipline-${country}.csv` }, `Save the ${country} CSV`);
    replace(result, h('p', {}, link));
    link.click();
    link.focus();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return;
  }
  let message = `Export failed (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: string };
    if (typeof body.error === 'string') message = `Export failed: ${body.error}`;
  } catch {
    // not JSON
  }
  replace(result, h('p', { class: 'alert alert-error', role: 'alert' }, message));
}

// ---------------------------------------------------------------- tip detail

async function openTip(tipId: string, moveFocus: boolean): Promise<void> {
  const section = byId('detail-section');
  replace(section, h('h2', { id: 'detail-heading', tabindex: -1 }, 'Tip'), h('p', { role: 'status' }, 'Loading the tip…'));
  try {
    detail = (await api<Tip>(`/investigator/tips/${encodeURIComponent(tipId)}`)).body;
  } catch (error) {
    if (error instanceof SignedOut) return;
    replace(section, h('h2', { id: 'detail-heading', tabindex: -1 }, 'Tip'), h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
    if (moveFocus) focusOn(byId('detail-heading'));
    return;
  }
  highlightCountry = detail.queue ?? detail.candidates?.[0]?.country ?? null;
  history.replaceState(null, '', `#/tip/${tipId}`);
  for (const row of document.querySelectorAll<HTMLTableRowElement>('#queue-table tbody tr')) row.classList.toggle('selected', row.dataset.tipId === tipId);
  // Opening the tip read the reply (the API cleared the mark): the queue row says so too.
  document.querySelector(`#queue-table tr[data-tip-id="${CSS.escape(tipId)}"] .unread-mark`)?.remove();
  const listed = queue.items.find((item) => item.tipId === tipId);
  if (listed !== undefined) listed.unreadReply = false;
  renderDetail(moveFocus);
}

function tipTextNode(text: string, evidence: readonly Evidence[]): HTMLElement {
  const block = h('div', { class: 'tip-text', id: 'tip-text' });
  for (const segment of splitHighlights(text, evidence)) {
    if (segment.spans.length === 0) {
      block.append(document.createTextNode(segment.text));
    } else {
      const kinds = [...new Set(segment.spans.map((span) => span.kind))];
      const mark = h('mark', { class: `evidence ${kinds.map((kind) => `evidence-${kind.replace(/[^a-z0-9-]/gi, '')}`).join(' ')}`, title: kinds.join(', ') });
      mark.textContent = segment.text;
      block.append(mark);
    }
  }
  return block;
}

function renderDetail(moveFocus: boolean, message?: { text: string; error: boolean }): void {
  const tip = detail;
  if (tip === null) return;
  const section = byId('detail-section');
  const candidates = tip.candidates ?? [];
  const chosen = candidates.find((candidate) => candidate.country === highlightCountry);
  const evidence = chosen?.evidence ?? [];
  const heading = h('h2', { id: 'detail-heading', tabindex: -1 }, 'Tip ', h('span', { class: 'code' }, tip.tipId));
  const now = Date.now();
  const claimActive = typeof tip.claimedBy === 'string' && typeof tip.claimExpiresAt === 'number' && tip.claimExpiresAt * 1000 > now;
  const me = info?.username;
  const heldByMe = claimActive && tip.claimedBy === me;

  const candidatePicker =
    candidates.length === 0
      ? h('p', { class: 'muted' }, 'The classifier found no country evidence.')
      : h(
          'fieldset',
          { class: 'candidates' },
          h('legend', {}, 'Highlight the evidence for'),
          candidates.map((candidate) =>
            h('label', { class: 'radio' },
              h('input', {
                type: 'radio',
                name: 'candidate',
                value: candidate.country,
                checked: candidate.country === highlightCountry,
                onchange: () => {
                  highlightCountry = candidate.country;
                  renderDetail(false);
                  document.querySelector<HTMLInputElement>(`input[name="candidate"][value="${CSS.escape(candidate.country)}"]`)?.focus();
                },
              }),
              ` ${candidate.country} (score ${formatConfidence(candidate.score)})`),
          ),
        );

  const evidenceList =
    evidence.length === 0
      ? null
      : h('ul', { class: 'evidence-list', 'aria-label': `Evidence for ${highlightCountry ?? ''}` },
          evidence.map((span) => h('li', {}, h('span', { class: 'kind' }, span.kind), ': ', span.text === '' ? '(whole text)' : `“${span.text}”`)));

  const feedback = h('div', { id: 'detail-feedback', role: 'status', 'aria-live': 'polite' },
    message === undefined ? null : h('p', { class: message.error ? 'alert alert-error' : 'alert alert-ok' }, message.text));

  const statusSelect = h('select', { id: 't-status', name: 'status' },
    h('option', { value: '' }, `No change (${STATUS_LABELS[tip.status] ?? tip.status})`),
    (TRANSITIONS[tip.status] ?? []).map((status) => h('option', { value: status }, STATUS_LABELS[status])));
  const assigneeInput = h('input', { id: 't-assignee', name: 'assignee', type: 'text', value: tip.assignee ?? '', autocomplete: 'off', maxlength: 128 });
  const noteInput = h('textarea', { id: 't-note', name: 'note', rows: 3, maxlength: 4000 });
  const countryInput = info?.coordinator
    ? h('input', { id: 't-country', name: 'country', type: 'text', value: '', placeholder: tip.queue ?? '', autocomplete: 'off', class: 'input-short', 'aria-describedby': 't-country-hint' })
    : null;
  const triageForm = h(
    'form',
    { class: 'triage', novalidate: true, 'aria-labelledby': 'triage-heading' },
    h('h3', { id: 'triage-heading' }, 'Triage'),
    h('div', { class: 'field' }, h('label', { for: 't-status' }, 'Status'), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 't-assignee' }, 'Assignee'), assigneeInput),
    countryInput === null ? null : h('div', { class: 'field' }, h('label', { for: 't-country' }, 'Re-route to country'), h('p', { id: 't-country-hint', class: 'hint' }, 'Coordinators only; leave empty to keep the queue.'), countryInput),
    h('div', { class: 'field' }, h('label', { for: 't-note' }, 'Add a note'), noteInput),
    h('button', { type: 'submit', class: 'button button-primary' }, 'Save changes'),
  );
  triageForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const patch: Record<string, string | null> = {};
    if (statusSelect.value !== '') patch.status = statusSelect.value;
    const assignee = assigneeInput.value.trim();
    if (assignee !== (tip.assignee ?? '')) patch.assignee = assignee === '' ? null : assignee;
    if (noteInput.value.trim() !== '') patch.note = noteInput.value.trim();
    if (countryInput !== null && countryInput.value.trim() !== '') {
      const raw = countryInput.value.trim();
      patch.country = /^[a-z]{2}$/i.test(raw) ? raw.toUpperCase() : raw.toLowerCase();
    }
    if (Object.keys(patch).length === 0) {
      renderDetail(false, { text: 'Nothing to save: change the status, the assignee, the queue or write a note.', error: true });
      byId('detail-feedback').focus();
      return;
    }
    void mutate(() => api<Tip>(`/investigator/tips/${encodeURIComponent(tip.tipId)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': `"${String(tip.version ?? 0)}"` },
      body: JSON.stringify(patch),
    }), 'Saved.');
  });

  const whyUnrouted = unroutedExplanation(tip);
  replace(
    section,
    heading,
    feedback,
    h('dl', { class: 'meta' },
      meta('Object', objectLabelOf(tip.objectId)),
      meta('Queue', tip.queue ?? 'not routed yet'),
      whyUnrouted === null ? null : meta('Why unrouted', whyUnrouted),
      meta('Status', STATUS_LABELS[tip.status] ?? tip.status),
      meta('Confidence', tip.confidenceReason === 'manual' ? 'none: re-routed by hand to a country the classifier did not name' : formatConfidence(tip.confidence ?? undefined)),
      meta('Submitted', formatTime(tip.submittedAt)),
      tip.language === undefined ? null : meta('Language (tipster)', tip.language),
      meta('Duplicates', String(tip.duplicates ?? 0)),
      meta('Assignee', tip.assignee ?? '–'),
      meta('Version', String(tip.version ?? '–')),
    ),
    h('h3', {}, 'Text'),
    tipTextNode(tip.text, evidence),
    translationPanel(tip, { api, describe, formatTime }),
    (tip.attachments ?? []).length > 0 ? attachmentsNode(tip) : tip.attachment === undefined ? null : attachmentNode(tip.attachment),
    candidatePicker,
    evidenceList,
    h('div', { class: 'claim' },
      h('h3', {}, 'Claim'),
      h('p', { id: 'claim-state' }, claimActive ? `Claimed by ${heldByMe ? 'you' : (tip.claimedBy ?? '')} until ${formatTime(new Date((tip.claimExpiresAt ?? 0) * 1000).toISOString())}.` : 'Not claimed.'),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button',
          class: 'button',
          id: 'claim-button',
          // Someone's lease, yours included, leaves nothing to claim; the API would refuse another's with 409.
          disabled: claimActive,
          onclick: () => void mutate(() => api<Tip>(`/investigator/tips/${encodeURIComponent(tip.tipId)}/claim`, { method: 'POST' }), 'Claimed: others cannot change this tip until you release it.'),
        }, heldByMe ? 'Claimed by you' : claimActive ? `Claimed by ${tip.claimedBy ?? ''}` : 'Claim'),
        h('button', {
          type: 'button',
          class: 'button',
          id: 'release-button',
          // Only the holder ends a lease, or a coordinator (the API's rule).
          disabled: !claimActive || !(heldByMe || info?.coordinator === true),
          onclick: () => void mutate(() => api<Tip>(`/investigator/tips/${encodeURIComponent(tip.tipId)}/release`, { method: 'POST' }), 'Released.'),
        }, 'Release'),
      ),
    ),
    triageForm,
    h('h3', {}, 'Notes'),
    (tip.notes ?? []).length === 0
      ? h('p', { class: 'muted' }, 'No notes yet.')
      : h('ul', { class: 'notes' }, (tip.notes ?? []).map((note) => h('li', {}, h('p', { class: 'note-text' }, note.text), h('p', { class: 'muted' }, `${note.by}, ${formatTime(note.at)}`)))),
    // A message moves the tip's version: the fresh tip (the whole GET) replaces this one, so triage sends the new version.
    conversationPanel(tip, shared, {
      refreshed: (fresh) => {
        if (detail === tip && fresh.tipId === tip.tipId) Object.assign(tip, fresh);
      },
    }),
    (tip.cluster ?? []).length > 1
      ? h('details', {}, h('summary', {}, `Cluster: ${(tip.cluster ?? []).length} tips`),
          h('ul', {}, (tip.cluster ?? []).map((member) => h('li', { class: 'code' }, member.tipId, clusterMemberLabel(member)))))
      : null,
    (tip.history ?? []).length === 0
      ? null
      : h('details', {}, h('summary', {}, `History (${(tip.history ?? []).length + (tip.historyArchived ?? 0)})`),
          (tip.historyArchived ?? 0) > 0 ? h('p', { class: 'muted' }, `Latest ${(tip.history ?? []).length} shown; ${tip.historyArchived} older entries are in the audit trail.`) : null,
          h('ol', { class: 'history' }, (tip.history ?? []).map((entry) =>
            h('li', {}, `${formatTime(entry.at)} · ${entry.by}: `, entry.changes.map((change) => `${change.field} ${change.from ?? '–'} → ${change.to ?? '–'}`).join('; '))))),
  );
  if (moveFocus) focusOn(heading);
}

/**
 * A tip's attachments (issue 15): a thumbnail of each viewing copy (re-encoded without any
 * metadata; an image element, so nothing from the file runs here), the photo's own metadata
 * labelled as such, the original's SHA-256 and, for coordinators, an audited download of the
 * original (which still holds the photo's location).
 */
function attachmentsNode(tip: Tip): HTMLElement {
  const items = (tip.attachments ?? []).map((view) => {
    const url = view.preview === undefined ? null : safeHttpUrl(view.preview.url);
    const isImage = view.preview !== undefined && view.preview.contentType.startsWith('image/');
    const photo = view.photo;
    const originalButton = info?.coordinator === true && (view.status === 'shown' || view.status === 'original-only')
      ? h('button', {
          type: 'button',
          class: 'button',
          id: `attachment-original-${view.index}`,
          onclick: () => void downloadOriginal(tip.tipId, view.index),
        }, 'Download original (recorded in the audit trail)')
      : null;
    return h('li', { class: 'attachment', id: `tip-attachment-${view.index}` },
      url === null
        ? h('p', { class: 'attachment-missing' }, view.status === 'refused' ? `Refused: this file ${view.refused ?? 'is not an accepted type'}` : ATTACHMENT_STATUS[view.status])
        : isImage
          ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'thumbnail-link' },
              h('img', { src: url, alt: `Attachment ${view.index + 1} (cleaned copy)`, class: 'thumbnail', width: 160, loading: 'lazy' }),
              h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'))
          : h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', id: view.index === 0 ? 'tip-attachment-link' : undefined },
              `Attachment (${String(view.type)}, ${formatBytes(view.size)})`, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')),
      h('dl', { class: 'meta' },
        meta('Type', `${view.type ?? 'unknown'}, ${formatBytes(view.size)}`),
        meta('Malware scan', view.scan),
        meta('Original SHA-256', view.sha256),
        photo === undefined ? null : meta(`Taken at (${photo.label})`, photo.lat === undefined || photo.lon === undefined ? 'no position' : `${photo.lat.toFixed(5)}, ${photo.lon.toFixed(5)}${photo.country ? ` (${photo.country})` : ' (at sea)'}`),
        photo?.capturedAt === undefined ? null : meta(`Capture date (${photo.label})`, photo.capturedAt.replace('T', ' ')),
        photo?.make === undefined ? null : meta(`Camera (${photo.label})`, photo.make),
        view.pdfTextChars === undefined ? null : meta('Text layer', view.pdfTextChars === 0 ? 'none' : `${view.pdfTextChars} characters, read by the classifier`),
      ),
      originalButton,
      h('p', { class: 'original-link', id: `attachment-original-link-${view.index}` }),
    );
  });
  return h('div', { id: 'tip-attachments' }, h('h3', {}, 'Attachments'), h('ul', { class: 'attachments' }, items));
}

/** Asks for the original (audited by the API), then offers its 15-minute link: a new tab is opened by the click on it. */
async function downloadOriginal(tipId: string, index: number): Promise<void> {
  const target = byId(`attachment-original-link-${index}`);
  const response = await api<{ url?: string }>(`/investigator/tips/${encodeURIComponent(tipId)}/attachments/${index}/original`, { method: 'POST' });
  const url = response.status === 200 && typeof response.body.url === 'string' ? safeHttpUrl(response.body.url) : null;
  if (url === null) {
    replace(target, 'The original could not be fetched.');
    return;
  }
  replace(target, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'Open the original (link valid 15 minutes)', h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')));
}

/** The attachment link opens the presigned URL in a new tab; nothing from the file is put into this page. */
function attachmentNode(attachment: Attachment): HTMLElement {
  const url = 'url' in attachment && typeof attachment.url === 'string' ? safeHttpUrl(attachment.url) : null;
  if ('processing' in attachment) return h('p', { id: 'tip-attachment', class: 'attachment attachment-missing' }, 'Attachment is being processed');
  if ('missing' in attachment || url === null || !('contentType' in attachment)) {
    return h('p', { id: 'tip-attachment', class: 'attachment attachment-missing' }, 'Attachment could not be found');
  }
  return h(
    'p',
    { id: 'tip-attachment', class: 'attachment' },
    h('a', { id: 'tip-attachment-link', href: url, target: '_blank', rel: 'noopener noreferrer' },
      `Attachment (${String(attachment.contentType)}${attachment.size === undefined ? '' : `, ${formatBytes(attachment.size)}`})`,
      h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')),
  );
}

function safeHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return 'size unknown';
  if (size < 1024) return `${size} ${size === 1 ? 'byte' : 'bytes'}`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

function meta(label: string, value: string | HTMLElement): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** Runs a claim/release/patch and shows the outcome; 412 reloads the fresh version. */
async function mutate(action: () => Promise<JsonResponse<Tip>>, success: string): Promise<void> {
  const current = detail;
  if (current === null) return;
  try {
    // A claim, release or patch answers with the tip alone, without its conversation: the one GET read stays shown.
    const next = (await action()).body;
    detail = { ...next, messages: next.messages ?? current.messages, conversationTips: next.conversationTips ?? current.conversationTips };
    renderDetail(false, { text: success, error: false });
    updateQueueRow(detail);
  } catch (error) {
    if (error instanceof SignedOut) return;
    let text = describe(error);
    if (error instanceof ApiError && error.status === 412) {
      text = 'Someone else changed this tip since you opened it. The latest version is shown; make your change again.';
      try {
        detail = (await api<Tip>(`/investigator/tips/${encodeURIComponent(current.tipId)}`)).body;
      } catch {
        // keep what we have
      }
    } else if (error instanceof ApiError && error.status === 409) {
      const allowed = error.body.allowed;
      text = Array.isArray(allowed) ? `${error.message}. Allowed next: ${allowed.map((status) => STATUS_LABELS[status as Status] ?? String(status)).join(', ')}.` : error.message;
    }
    renderDetail(false, { text, error: true });
  }
  byId('detail-feedback').focus();
}

function updateQueueRow(tip: Tip): void {
  const item = queue.items.find((candidate) => candidate.tipId === tip.tipId);
  if (item === undefined) return;
  item.status = tip.status;
  const row = document.querySelector<HTMLTableRowElement>(`#queue-table tr[data-tip-id="${CSS.escape(tip.tipId)}"]`);
  const badge = row?.querySelector('.status');
  if (badge) {
    badge.className = `status status-${tip.status}`;
    badge.textContent = STATUS_LABELS[tip.status] ?? tip.status;
  }
}

// ---------------------------------------------------------------- per-object tally

function renderSummaryForm(): void {
  const section = byId('summary-section');
  const select = h('select', { id: 's-object', name: 'objectId' }, objects.map((object) => h('option', { value: object.objectId }, `${object.title} (${object.objectId})`)));
  const form = h('form', { class: 'filters', novalidate: true, 'aria-label': 'Choose an object' },
    h('div', { class: 'field' }, h('label', { for: 's-object' }, 'Object'), select),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, 'Show countries')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadSummary(select.value, true);
  });
  replace(section, h('h2', { id: 'summary-heading' }, 'Countries per object'), objects.length === 0 ? h('p', {}, 'No objects.') : form, h('div', { id: 'summary-result', 'aria-live': 'polite' }));
}

async function loadSummary(objectId: string, moveFocus: boolean): Promise<void> {
  const result = byId('summary-result');
  replace(result, h('p', {}, 'Loading…'));
  let summary: Summary;
  try {
    summary = (await api<Summary>(`/investigator/objects/${encodeURIComponent(objectId)}/summary`)).body;
  } catch (error) {
    if (error instanceof SignedOut) return;
    replace(result, h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
    return;
  }
  const totals = h('p', { id: 'summary-totals', tabindex: -1 }, objectLabelOf(summary.objectId), `: ${summary.distinctTips} distinct ${summary.distinctTips === 1 ? 'tip' : 'tips'}, ${summary.duplicates} duplicates.`);
  const countries = [...summary.countries].sort((a, b) => b.tips - a.tips || b.people - a.people || a.country.localeCompare(b.country));
  if (countries.length === 0) {
    replace(result, totals, h('p', {}, 'No classified tips yet.'));
  } else {
    replace(
      result,
      totals,
      h('figure', { class: 'chart-figure' },
        barChart(countries.map((tally) => ({ label: tally.country, value: tally.tips, note: `${tally.tips} ${tally.tips === 1 ? 'tip' : 'tips'} · ${tally.people} ${tally.people === 1 ? 'person' : 'people'}` })), `Distinct tips per country for ${objectTitle(summary.objectId)}`, 'summary-chart'),
        h('figcaption', { class: 'muted' }, 'Bars: distinct tips per country. People counts the duplicates too. The table below has every number.')),
      h('div', { class: 'table-scroll' },
        dataTable(`Countries for ${objectTitle(summary.objectId)}`, ['Country', 'Tips', 'People', 'Mean confidence', 'Max confidence', 'By status', 'Strongest evidence'],
          countries.map((tally) => [
            tally.country,
            tally.tips,
            tally.people,
            formatConfidence(tally.meanConfidence),
            formatConfidence(tally.maxConfidence),
            Object.entries(tally.byStatus).map(([status, count]) => `${STATUS_LABELS[status as Status] ?? status} ${String(count)}`).join(', '),
            tally.strongestEvidence.length === 0 ? '–' : tally.strongestEvidence.map((span) => (span.text === '' ? span.kind : `${span.kind}: “${span.text}”`)).join('; '),
          ]))),
    );
  }
  if (moveFocus) focusOn(totals);
}

// ---------------------------------------------------------------- start

async function main(): Promise<void> {
  config = await loadConfig();
  const fromFragment = tokenFromFragment(location.hash);
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(TOKEN_KEY);
  } catch {
    stored = null;
  }
  if (fromFragment !== null) history.replaceState(null, '', location.pathname);
  const candidate = fromFragment ?? stored;
  if (candidate !== null && signIn(candidate) === null) {
    await startConsole(false);
  } else {
    renderSignIn(candidate === null ? undefined : 'Your session has expired. Please sign in again.');
  }
}

void main();
