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
import { mergeDetail } from './detail-merge.ts';
import { conversationPanel, type ConversationTip } from './conversation.ts';
import { renderOverview } from './overview.ts';
import { renderSearch } from './search.ts';
import { renderObjects, type ConsoleObject } from './objects.ts';
import { translationPanel, type KeptTranslation } from './translation.ts';
import { objectLabel, objectTitleIn } from './object-label.ts';
import type { ConsoleShared } from './shared.ts';
import { formatNumber, formatTime, intlLocale, locale, queueName, renderChrome, t, tNodes } from './locale.ts';
import type { ConsoleMessageKey } from '../i18n/console/index.ts';
import { TRANSITIONS, TRIAGE_STATUSES, type TriageStatusName } from '#shared/tips/transitions.ts';
import type { Evidence } from '#shared/geo/schema.ts';
import type { AttachmentView, ObjectSummary as Summary, QueuePageItem as QueueItem, TipDetail as Tip, TipView, FirstAttachment as Attachment } from '#shared/schemas/responses.ts';

/**
 * The investigator console. Tip text comes from the public: it is only ever
 * put into the page as text nodes (see lib/dom.ts), never as HTML.
 */

type Status = TriageStatusName;
const STATUSES: readonly Status[] = TRIAGE_STATUSES;
const STATUS_KEYS: Record<Status, ConsoleMessageKey> = {
  new: 'statusNew',
  in_review: 'statusInReview',
  actionable: 'statusActionable',
  dismissed: 'statusDismissed',
  forwarded: 'statusForwarded',
};
/** A triage status in the interface language (an unknown one as the API names it). */
const statusLabel = (status: string): string => (Object.hasOwn(STATUS_KEYS, status) ? t(STATUS_KEYS[status as Status]) : status);

/** Evidence kinds (shared/geo/schema.ts) in the interface language; an unknown kind as the API names it. */
const EVIDENCE_KEYS: Record<Evidence['kind'], ConsoleMessageKey> = {
  place: 'evidencePlace',
  country: 'evidenceCountry',
  demonym: 'evidenceDemonym',
  phone: 'evidencePhone',
  domain: 'evidenceDomain',
  email: 'evidenceEmail',
  postcode: 'evidencePostcode',
  coordinates: 'evidenceCoordinates',
  currency: 'evidenceCurrency',
  chain: 'evidenceChain',
  institution: 'evidenceInstitution',
  language: 'evidenceLanguage',
  'photo-gps': 'evidencePhotoGps',
};
const kindLabel = (kind: string): string => (Object.hasOwn(EVIDENCE_KEYS, kind) ? t(EVIDENCE_KEYS[kind as Evidence['kind']]) : kind);







const ATTACHMENT_STATUS: Record<Exclude<AttachmentView['status'], 'shown'>, ConsoleMessageKey> = {
  'scan-pending': 'attachmentScanPending',
  threat: 'attachmentThreat',
  refused: 'attachmentRefused',
  awaiting: 'attachmentAwaiting',
  'original-only': 'attachmentOriginalOnly',
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
const shared: ConsoleShared = { api, describe, formatTime, formatConfidence, excerpt, objectTitle, objectLabel: objectLabelOf, openTip: (tipId: string) => openTip(tipId, true), statusLabel };

// ---------------------------------------------------------------- API

class SignedOut extends Error {}

async function api<T>(path: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  if (token === null) throw new SignedOut();
  try {
    return await requestJson<T>(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut(t('sessionInvalid'));
      throw new SignedOut();
    }
    throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof NetworkError) return t('errorNetwork');
  if (error instanceof ApiError) {
    const issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    if (error.status === 403) return t('errorForbidden', { message: error.message });
    return issues === '' ? t('errorHttp', { message: error.message, status: String(error.status) }) : t('errorWithIssues', { message: error.message, issues });
  }
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- session

function signIn(raw: string): string | null {
  const candidate = raw.trim().replace(/^Bearer\s+/i, '');
  const decoded = tokenInfo(candidate);
  if (decoded === null) return t('tokenNotJwt');
  if (isExpired(decoded, Date.now())) return t('tokenExpired');
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
  const expires = info.expiresAt === null ? '' : ` · ${t('expiresAt', { time: new Date(info.expiresAt * 1000).toLocaleTimeString(intlLocale()) })}`;
  replace(
    session,
    h('span', { class: 'session-user' }, tNodes('signedInAs', { user: h('strong', { id: 'session-user' }, info.username) })),
    h('span', { class: 'session-groups' }, ' · ', tNodes('groups', { groups: h('span', { id: 'session-groups' }, info.groups.length === 0 ? t('groupsNone') : info.groups.join(', ')) }), expires),
    ' ',
    h('button', { type: 'button', class: 'button button-small', onclick: () => signOut(t('signedOut')) }, t('signOut')),
  );
}

function renderSignIn(message?: string): void {
  renderSession();
  const main = byId('main');
  const heading = h('h1', { id: 'page-heading' }, t('signInHeading'));
  if (config.authMode === 'cognito') {
    replace(
      main,
      heading,
      message === undefined ? null : h('p', { class: 'alert', role: 'status' }, message),
      h('p', {}, h('a', { class: 'button button-primary', href: cognitoLoginUrl(config, location.origin) }, t('signInAgency'))),
    );
    return;
  }
  const error = h('p', { id: 'token-error', class: 'field-error', hidden: true });
  const textarea = h('textarea', { id: 'token', name: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-hint' });
  const form = h(
    'form',
    { class: 'signin', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'token' }, t('tokenLabel')),
      h('p', { id: 'token-hint', class: 'hint' }, t('tokenHintBefore'), ' ', h('code', { dir: 'ltr' }, 'npm run --silent token -- --groups NL'), t('tokenHintAfter')),
      error,
      textarea,
    ),
    h('button', { type: 'submit', class: 'button button-primary' }, t('signIn')),
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
  const heading = h('h1', { id: 'page-heading' }, t('consoleHeading'));
  replace(
    main,
    heading,
    h('section', { id: 'overview-section', class: 'panel', 'aria-labelledby': 'overview-heading' }),
    h('section', { id: 'search-section', class: 'panel', 'aria-labelledby': 'search-heading' }),
    h('div', { class: 'console-grid' },
      h('section', { id: 'queue-section', class: 'panel', 'aria-labelledby': 'queue-heading' }),
      h('section', { id: 'detail-section', class: 'panel', 'aria-labelledby': 'detail-heading' }, h('h2', { id: 'detail-heading' }, t('tipHeading')), h('p', { class: 'muted' }, t('chooseTip'))),
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
  const statusSelect = h('select', { id: 'q-status', name: 'status' }, h('option', { value: '' }, t('any')), STATUSES.map((status) => h('option', { value: status, selected: status === queue.status }, statusLabel(status))));
  const objectSelect = h('select', { id: 'q-object', name: 'objectId' }, h('option', { value: '' }, t('any')), objects.map((object) => h('option', { value: object.objectId, selected: object.objectId === queue.objectId }, `${object.title} (${object.objectId})`)));
  const minInput = h('input', { id: 'q-min', name: 'minConfidence', type: 'number', min: 0, max: 1, step: 0.05, value: queue.minConfidence, inputmode: 'decimal', class: 'input-short' });
  const sortSelect = h('select', { id: 'q-sort', name: 'sort' },
    h('option', { value: 'time', selected: queue.sort === 'time' }, t('newestFirst')),
    h('option', { value: 'confidence', selected: queue.sort === 'confidence' }, t('confidenceFirst')));
  const formError = h('p', { id: 'queue-error', class: 'field-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'filters', novalidate: true, 'aria-label': t('queueFilters') },
    h('div', { class: 'field' },
      h('label', { for: 'q-country' }, t('queueCountry')),
      info.coordinator ? h('p', { id: 'q-country-hint', class: 'hint' }, t('queueCountryHint', { unrouted: 'unrouted' })) : null,
      countryControl,
      info.coordinator ? h('datalist', { id: 'q-country-list' }, [...countries, 'unrouted'].map((value) => h('option', { value }))) : null),
    h('div', { class: 'field' }, h('label', { for: 'q-status' }, t('status')), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 'q-object' }, t('object')), objectSelect),
    h('div', { class: 'field' }, h('label', { for: 'q-min' }, t('minConfidence')), minInput),
    h('div', { class: 'field' }, h('label', { for: 'q-sort' }, t('order')), sortSelect),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('showQueue')),
      h('button', { type: 'button', class: 'button', id: 'export-csv', onclick: () => void exportCsv() }, t('exportCsv'))),
    formError,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const raw = (countryControl as HTMLInputElement | HTMLSelectElement).value.trim();
    const country = /^[a-z]{2}$/i.test(raw) ? raw.toUpperCase() : raw.toLowerCase() === 'unrouted' ? 'unrouted' : null;
    if (country === null) {
      formError.textContent = t('queueCountryError', { unrouted: 'unrouted' });
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
    h('h2', { id: 'queue-heading' }, t('queueHeading')),
    countries.length === 0 && !info.coordinator ? h('p', { class: 'alert' }, t('noCountryGroup')) : form,
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
  return object === undefined ? objectId : objectTitleIn(object, locale).title;
}

/** An object's picture, title and id wherever its id used to be shown (./object-label.ts). */
function objectLabelOf(objectId: string): HTMLElement {
  return objectLabel(objectId, objects, locale);
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
  status.textContent = t('queueLoading', { country: queueName(queue.country) });
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
  status.textContent = `${t('queuePage', { country: queueName(queue.country), page, count: queue.items.length })}${queue.nextCursor === null ? '' : ` ${t('queueMore')}`}`;
  renderQueueTable(results, page);
  if (announce) focusOn(status);
}

function renderQueueTable(results: HTMLElement, page: number): void {
  if (queue.items.length === 0) {
    replace(results, h('p', {}, t('queueEmpty')));
    return;
  }
  const table = h(
    'table',
    { class: 'data-table queue-table', id: 'queue-table' },
    h('caption', { class: 'visually-hidden' }, t('queueCaption', { country: queueName(queue.country), page })),
    h('thead', {}, h('tr', {}, (['columnTip', 'columnObject', 'columnConfidence', 'columnStatus', 'columnDuplicates', 'columnSubmitted'] as const).map((key) => h('th', { scope: 'col' }, t(key))))),
    h(
      'tbody',
      {},
      queue.items.map((item) =>
        h(
          'tr',
          { class: detail?.tipId === item.tipId ? 'selected' : '', 'data-tip-id': item.tipId },
          h('td', { class: 'tip-cell' },
            h('button', { type: 'button', class: 'linklike', onclick: () => void openTip(item.tipId, true) }, excerpt(item.text, 140)),
            item.unreadReply === true ? h('span', { class: 'unread-mark' }, ` · ${t('unreadReply')}`) : null),
          h('td', { title: item.objectId }, objectLabelOf(item.objectId)),
          h('td', { class: 'num' }, formatConfidence(item.confidence)),
          h('td', {}, h('span', { class: `status status-${item.status}` }, statusLabel(item.status))),
          h('td', { class: 'num' }, formatNumber(item.duplicates)),
          h('td', {}, h('time', { datetime: item.submittedAt }, formatTime(item.submittedAt))),
        ),
      ),
    ),
  );
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': t('queuePages') },
    h('button', {
      type: 'button',
      class: 'button',
      disabled: queue.previous.length === 0,
      onclick: () => {
        queue.cursor = queue.previous.pop();
        void loadQueue(true);
      },
    }, t('previousPage')),
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
    }, t('nextPage')),
  );
  replace(results, h('div', { class: 'table-scroll' }, table), pager);
}

function excerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function formatConfidence(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(Number(value.toFixed(2)), 2) : '–'; // rounded as before (toFixed), written in the language's digits
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
    replace(result, h('p', { class: 'alert alert-error' }, t('exportNeedsQueue')));
    return;
  }
  const params = new URLSearchParams({ country, format: 'csv' });
  if (queue.objectId !== '') params.set('objectId', queue.objectId);
  replace(result, h('p', {}, t('exportPreparing', { country })));
  let response: Response;
  try {
    response = await fetch(`/investigator/exports?${params.toString()}`, {
      headers: { authorization: `Bearer ${token ?? ''}`, accept: 'application/json' },
      redirect: 'follow',
      cache: 'no-store',
    });
  } catch {
    replace(result, h('p', { class: 'alert alert-error', role: 'alert' }, t('exportUnreachable')));
    return;
  }
  if (response.status === 401) {
    signOut(t('sessionInvalid'));
    return;
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && type.includes('application/json')) {
    const body = (await response.json()) as { url?: unknown; count?: unknown };
    if (typeof body.url === 'string' && /^(https?:|\/)/.test(body.url)) {
      const count = typeof body.count === 'number' ? body.count : null;
      const link = h('a', { href: body.url, id: 'export-link', class: 'button', download: `tipline-${country}.csv`, rel: 'noopener' },
        count === null ? t('exportDownload', { country }) : t('exportDownloadCount', { country, count }));
      replace(result, h('p', {}, link, ' ', h('span', { class: 'muted' }, t('exportStarts'))));
      // One click: the file comes as an attachment, so following the link downloads it and the console stays.
      link.click();
      link.focus();
      return;
    }
  }
  if (response.ok) {
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, id: 'export-link', class: 'button', download: `tipline-${country}.csv` }, t('exportSave', { country }));
    replace(result, h('p', {}, link));
    link.click();
    link.focus();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return;
  }
  let message = t('exportFailedHttp', { status: String(response.status) });
  try {
    const body = (await response.json()) as { error?: string };
    if (typeof body.error === 'string') message = t('exportFailed', { error: body.error });
  } catch {
    // not JSON
  }
  replace(result, h('p', { class: 'alert alert-error', role: 'alert' }, message));
}

// ---------------------------------------------------------------- tip detail

async function openTip(tipId: string, moveFocus: boolean): Promise<void> {
  const section = byId('detail-section');
  replace(section, h('h2', { id: 'detail-heading', tabindex: -1 }, t('tipHeading')), h('p', { role: 'status' }, t('tipLoading')));
  try {
    detail = (await api<Tip>(`/investigator/tips/${encodeURIComponent(tipId)}`)).body;
  } catch (error) {
    if (error instanceof SignedOut) return;
    replace(section, h('h2', { id: 'detail-heading', tabindex: -1 }, t('tipHeading')), h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
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

function tipTextNode(text: string, evidence: readonly Evidence[], language: string | undefined): HTMLElement {
  // The tipster's words, not interface: their own language where the tipster named it, their own direction always.
  const block = h('div', { class: 'tip-text', id: 'tip-text', lang: language, dir: 'auto' });
  for (const segment of splitHighlights(text, evidence)) {
    if (segment.spans.length === 0) {
      block.append(document.createTextNode(segment.text));
    } else {
      const kinds = [...new Set(segment.spans.map((span) => span.kind))];
      const mark = h('mark', { class: `evidence ${kinds.map((kind) => `evidence-${kind.replace(/[^a-z0-9-]/gi, '')}`).join(' ')}`, title: kinds.map(kindLabel).join(t('listSeparator')) });
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
  const heading = h('h2', { id: 'detail-heading', tabindex: -1 }, t('tipHeading'), ' ', h('span', { class: 'code', dir: 'ltr' }, tip.tipId));
  const now = Date.now();
  const claimActive = typeof tip.claimedBy === 'string' && typeof tip.claimExpiresAt === 'number' && tip.claimExpiresAt * 1000 > now;
  const me = info?.username;
  const heldByMe = claimActive && tip.claimedBy === me;

  const candidatePicker =
    candidates.length === 0
      ? h('p', { class: 'muted' }, t('noCandidates'))
      : h(
          'fieldset',
          { class: 'candidates' },
          h('legend', {}, t('highlightFor')),
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
              ` ${t('candidateScore', { country: candidate.country, score: formatConfidence(candidate.score) })}`),
          ),
        );

  const evidenceList =
    evidence.length === 0
      ? null
      : h('ul', { class: 'evidence-list', 'aria-label': t('evidenceFor', { country: highlightCountry ?? '' }) },
          evidence.map((span) => h('li', {}, h('span', { class: 'kind' }, kindLabel(span.kind)), ': ', span.text === '' ? t('wholeText') : t('quoted', { text: span.text }))));

  const feedback = h('div', { id: 'detail-feedback', role: 'status', 'aria-live': 'polite' },
    message === undefined ? null : h('p', { class: message.error ? 'alert alert-error' : 'alert alert-ok' }, message.text));

  const statusSelect = h('select', { id: 't-status', name: 'status' },
    h('option', { value: '' }, t('noChange', { status: statusLabel(tip.status) })),
    (TRANSITIONS[tip.status] ?? []).map((status) => h('option', { value: status }, statusLabel(status))));
  const assigneeInput = h('input', { id: 't-assignee', name: 'assignee', type: 'text', value: tip.assignee ?? '', autocomplete: 'off', maxlength: 128 });
  const noteInput = h('textarea', { id: 't-note', name: 'note', rows: 3, maxlength: 4000 });
  const countryInput = info?.coordinator
    ? h('input', { id: 't-country', name: 'country', type: 'text', value: '', placeholder: tip.queue ?? '', autocomplete: 'off', class: 'input-short', 'aria-describedby': 't-country-hint' })
    : null;
  const triageForm = h(
    'form',
    { class: 'triage', novalidate: true, 'aria-labelledby': 'triage-heading' },
    h('h3', { id: 'triage-heading' }, t('triageHeading')),
    h('div', { class: 'field' }, h('label', { for: 't-status' }, t('status')), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 't-assignee' }, t('assignee')), assigneeInput),
    countryInput === null ? null : h('div', { class: 'field' }, h('label', { for: 't-country' }, t('reroute')), h('p', { id: 't-country-hint', class: 'hint' }, t('rerouteHint')), countryInput),
    h('div', { class: 'field' }, h('label', { for: 't-note' }, t('addNote')), noteInput),
    h('button', { type: 'submit', class: 'button button-primary' }, t('saveChanges')),
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
      renderDetail(false, { text: t('nothingToSave'), error: true });
      byId('detail-feedback').focus();
      return;
    }
    void mutate(() => api<TipView>(`/investigator/tips/${encodeURIComponent(tip.tipId)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': `"${String(tip.version ?? 0)}"` },
      body: JSON.stringify(patch),
    }), t('saved'));
  });

  const whyUnrouted = unroutedExplanation(tip, locale);
  replace(
    section,
    heading,
    feedback,
    h('dl', { class: 'meta' },
      meta(t('metaObject'), objectLabelOf(tip.objectId)),
      meta(t('metaQueue'), tip.queue === undefined ? t('notRouted') : queueName(tip.queue)),
      whyUnrouted === null ? null : meta(t('metaWhyUnrouted'), whyUnrouted),
      meta(t('metaStatus'), statusLabel(tip.status)),
      meta(t('metaConfidence'), tip.confidenceReason === 'manual' ? t('confidenceManual') : formatConfidence(tip.confidence ?? undefined)),
      meta(t('metaSubmitted'), formatTime(tip.submittedAt)),
      tip.language === undefined ? null : meta(t('metaLanguage'), tip.language),
      meta(t('metaDuplicates'), formatNumber(tip.duplicates ?? 0)),
      meta(t('metaAssignee'), tip.assignee ?? '–'),
      meta(t('metaVersion'), tip.version === undefined ? '–' : formatNumber(tip.version)),
    ),
    h('h3', {}, t('textHeading')),
    tipTextNode(tip.text, evidence, tip.language),
    translationPanel(tip, { api, describe, formatTime }),
    (tip.attachments ?? []).length > 0 ? attachmentsNode(tip) : tip.attachment === undefined ? null : attachmentNode(tip.attachment),
    candidatePicker,
    evidenceList,
    h('div', { class: 'claim' },
      h('h3', {}, t('claimHeading')),
      h('p', { id: 'claim-state' }, claimActive
        ? heldByMe
          ? t('claimedByYouUntil', { time: formatTime(new Date((tip.claimExpiresAt ?? 0) * 1000).toISOString()) })
          : t('claimedByUntil', { user: tip.claimedBy ?? '', time: formatTime(new Date((tip.claimExpiresAt ?? 0) * 1000).toISOString()) })
        : t('notClaimed')),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button',
          class: 'button',
          id: 'claim-button',
          // Someone's lease, yours included, leaves nothing to claim; the API would refuse another's with 409.
          disabled: claimActive,
          onclick: () => void mutate(() => api<TipView>(`/investigator/tips/${encodeURIComponent(tip.tipId)}/claim`, { method: 'POST' }), t('claimDone')),
        }, heldByMe ? t('claimedByYou') : claimActive ? t('claimedBy', { user: tip.claimedBy ?? '' }) : t('claim')),
        h('button', {
          type: 'button',
          class: 'button',
          id: 'release-button',
          // Only the holder ends a lease, or a coordinator (the API's rule).
          disabled: !claimActive || !(heldByMe || info?.coordinator === true),
          onclick: () => void mutate(() => api<TipView>(`/investigator/tips/${encodeURIComponent(tip.tipId)}/release`, { method: 'POST' }), t('released')),
        }, t('release')),
      ),
    ),
    triageForm,
    h('h3', {}, t('notesHeading')),
    (tip.notes ?? []).length === 0
      ? h('p', { class: 'muted' }, t('noNotes'))
      : h('ul', { class: 'notes' }, (tip.notes ?? []).map((note) => h('li', {}, h('p', { class: 'note-text' }, note.text), h('p', { class: 'muted' }, t('noteBy', { user: note.by, time: formatTime(note.at) }))))),
    // A message moves the tip's version: the fresh tip (the whole GET) replaces this one, so triage sends the new version.
    conversationPanel(tip, shared, {
      refreshed: (fresh) => {
        if (detail === tip && fresh.tipId === tip.tipId) Object.assign(tip, fresh);
      },
    }),
    (tip.cluster ?? []).length > 1
      ? h('details', {}, h('summary', {}, t('clusterSummary', { count: (tip.cluster ?? []).length })),
          h('ul', {}, (tip.cluster ?? []).map((member) => h('li', { class: 'code' }, h('span', { dir: 'ltr' }, member.tipId), clusterMemberLabel(member, locale)))))
      : null,
    (tip.history ?? []).length === 0
      ? null
      : h('details', {}, h('summary', {}, t('historySummary', { count: (tip.history ?? []).length + (tip.historyArchived ?? 0) })),
          (tip.historyArchived ?? 0) > 0 ? h('p', { class: 'muted' }, t('historyArchived', { shown: (tip.history ?? []).length, count: tip.historyArchived ?? 0 })) : null,
          h('ol', { class: 'history' }, (tip.history ?? []).map((entry) =>
            h('li', {}, `${t('historyEntry', { time: formatTime(entry.at), user: entry.by })} `, entry.changes.map((change) => t('historyChange', { field: change.field, from: change.from ?? '–', to: change.to ?? '–' })).join('; '))))),
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
        }, t('downloadOriginal'))
      : null;
    return h('li', { class: 'attachment', id: `tip-attachment-${view.index}` },
      url === null
        ? h('p', { class: 'attachment-missing' }, view.status === 'refused' ? t('attachmentRefusedWhy', { why: view.refused ?? t('attachmentNotAccepted') }) : view.status === 'shown' ? '' : t(ATTACHMENT_STATUS[view.status]))
        : isImage
          ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'thumbnail-link' },
              h('img', { src: url, alt: t('attachmentAlt', { number: view.index + 1 }), class: 'thumbnail', width: 160, loading: 'lazy' }),
              h('span', { class: 'visually-hidden' }, ` ${t('opensNewTab')}`))
          : h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', id: view.index === 0 ? 'tip-attachment-link' : undefined },
              t('attachmentLink', { type: String(view.type), size: formatBytes(view.size) }), h('span', { class: 'visually-hidden' }, ` ${t('opensNewTab')}`)),
      h('dl', { class: 'meta' },
        meta(t('metaType'), `${view.type ?? t('typeUnknown')}, ${formatBytes(view.size)}`),
        meta(t('metaScan'), view.scan),
        meta(t('metaSha256'), view.sha256),
        photo === undefined ? null : meta(t('metaTakenAt', { label: photo.label }), photo.lat === undefined || photo.lon === undefined
          ? t('noPosition')
          : photo.country
            ? t('positionIn', { position: `${photo.lat.toFixed(5)}, ${photo.lon.toFixed(5)}`, country: photo.country })
            : t('atSea', { position: `${photo.lat.toFixed(5)}, ${photo.lon.toFixed(5)}` })),
        photo?.capturedAt === undefined ? null : meta(t('metaCaptureDate', { label: photo.label }), photo.capturedAt.replace('T', ' ')),
        photo?.make === undefined ? null : meta(t('metaCamera', { label: photo.label }), photo.make),
        view.pdfTextChars === undefined ? null : meta(t('metaTextLayer'), view.pdfTextChars === 0 ? t('textLayerNone') : t('textLayerChars', { count: view.pdfTextChars })),
      ),
      originalButton,
      h('p', { class: 'original-link', id: `attachment-original-link-${view.index}` }),
    );
  });
  return h('div', { id: 'tip-attachments' }, h('h3', {}, t('attachmentsHeading')), h('ul', { class: 'attachments' }, items));
}

/** Asks for the original (audited by the API), then offers its 15-minute link: a new tab is opened by the click on it. */
async function downloadOriginal(tipId: string, index: number): Promise<void> {
  const target = byId(`attachment-original-link-${index}`);
  const response = await api<{ url?: string }>(`/investigator/tips/${encodeURIComponent(tipId)}/attachments/${index}/original`, { method: 'POST' });
  const url = response.status === 200 && typeof response.body.url === 'string' ? safeHttpUrl(response.body.url) : null;
  if (url === null) {
    replace(target, t('originalFailed'));
    return;
  }
  replace(target, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('openOriginal'), h('span', { class: 'visually-hidden' }, ` ${t('opensNewTab')}`)));
}

/** The attachment link opens the presigned URL in a new tab; nothing from the file is put into this page. */
function attachmentNode(attachment: Attachment): HTMLElement {
  const url = 'url' in attachment && typeof attachment.url === 'string' ? safeHttpUrl(attachment.url) : null;
  if ('processing' in attachment) return h('p', { id: 'tip-attachment', class: 'attachment attachment-missing' }, t('attachmentProcessing'));
  if ('missing' in attachment || url === null || !('contentType' in attachment)) {
    return h('p', { id: 'tip-attachment', class: 'attachment attachment-missing' }, t('attachmentMissing'));
  }
  return h(
    'p',
    { id: 'tip-attachment', class: 'attachment' },
    h('a', { id: 'tip-attachment-link', href: url, target: '_blank', rel: 'noopener noreferrer' },
      attachment.size === undefined ? t('attachmentLinkNoSize', { type: String(attachment.contentType) }) : t('attachmentLink', { type: String(attachment.contentType), size: formatBytes(attachment.size) }),
      h('span', { class: 'visually-hidden' }, ` ${t('opensNewTab')}`)),
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
  if (!Number.isFinite(size) || size < 0) return t('sizeUnknown');
  if (size < 1024) return t('sizeBytes', { count: size });
  if (size < 1024 * 1024) return t('sizeKb', { size: formatNumber(Math.round(size / 1024)) });
  return t('sizeMb', { size: formatNumber(size / (1024 * 1024), 1) });
}

function meta(label: string, value: string | HTMLElement): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** Runs a claim/release/patch and shows the outcome; 412 reloads the fresh version. */
async function mutate(action: () => Promise<JsonResponse<TipView>>, success: string): Promise<void> {
  const current = detail;
  if (current === null) return;
  try {
    detail = mergeDetail(current, (await action()).body);
    renderDetail(false, { text: success, error: false });
    updateQueueRow(detail);
  } catch (error) {
    if (error instanceof SignedOut) return;
    let text = describe(error);
    if (error instanceof ApiError && error.status === 412) {
      text = t('staleVersion');
      try {
        detail = (await api<Tip>(`/investigator/tips/${encodeURIComponent(current.tipId)}`)).body;
      } catch {
        // keep what we have
      }
    } else if (error instanceof ApiError && error.status === 409) {
      const allowed = error.body.allowed;
      text = Array.isArray(allowed) ? t('errorAllowedNext', { message: error.message, allowed: allowed.length === 0 ? t('allowedNone') : allowed.map((status) => statusLabel(String(status))).join(t('listSeparator')) }) : error.message;
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
    badge.textContent = statusLabel(tip.status);
  }
}

// ---------------------------------------------------------------- per-object tally

function renderSummaryForm(): void {
  const section = byId('summary-section');
  const select = h('select', { id: 's-object', name: 'objectId' }, objects.map((object) => h('option', { value: object.objectId }, `${object.title} (${object.objectId})`)));
  const form = h('form', { class: 'filters', novalidate: true, 'aria-label': t('chooseObject') },
    h('div', { class: 'field' }, h('label', { for: 's-object' }, t('object')), select),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('showCountries'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadSummary(select.value, true);
  });
  replace(section, h('h2', { id: 'summary-heading' }, t('summaryHeading')), objects.length === 0 ? h('p', {}, t('noObjects')) : form, h('div', { id: 'summary-result', 'aria-live': 'polite' }));
}

async function loadSummary(objectId: string, moveFocus: boolean): Promise<void> {
  const result = byId('summary-result');
  replace(result, h('p', {}, t('loading')));
  let summary: Summary;
  try {
    summary = (await api<Summary>(`/investigator/objects/${encodeURIComponent(objectId)}/summary`)).body;
  } catch (error) {
    if (error instanceof SignedOut) return;
    replace(result, h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
    return;
  }
  const totals = h('p', { id: 'summary-totals', tabindex: -1 }, ...tNodes('summaryTotals', { object: objectLabelOf(summary.objectId) }, { count: summary.distinctTips, duplicates: summary.duplicates }));
  const countries = [...summary.countries].sort((a, b) => b.tips - a.tips || b.people - a.people || a.country.localeCompare(b.country));
  if (countries.length === 0) {
    replace(result, totals, h('p', {}, t('summaryEmpty')));
  } else {
    replace(
      result,
      totals,
      h('figure', { class: 'chart-figure' },
        barChart(countries.map((tally) => ({ label: queueName(tally.country), value: tally.tips, note: t('summaryNote', { tips: t('summaryTips', { count: tally.tips }), people: t('summaryPeople', { count: tally.people }) }) })), t('summaryChartTitle', { object: objectTitle(summary.objectId) }), 'summary-chart'),
        h('figcaption', { class: 'muted' }, t('summaryChartCaption'))),
      h('div', { class: 'table-scroll' },
        dataTable(t('summaryTableCaption', { object: objectTitle(summary.objectId) }), (['columnCountry', 'columnTips', 'columnPeople', 'columnMeanConfidence', 'columnMaxConfidence', 'columnByStatus', 'columnStrongestEvidence'] as const).map((key) => t(key)),
          countries.map((tally) => [
            queueName(tally.country),
            formatNumber(tally.tips),
            formatNumber(tally.people),
            formatConfidence(tally.meanConfidence),
            formatConfidence(tally.maxConfidence),
            Object.entries(tally.byStatus).map(([status, count]) => t('statusCount', { status: statusLabel(status), count: Number(count) })).join(t('listSeparator')),
            tally.strongestEvidence.length === 0 ? '–' : tally.strongestEvidence.map((span) => (span.text === '' ? kindLabel(span.kind) : t('kindText', { kind: kindLabel(span.kind), text: span.text }))).join('; '),
          ]))),
    );
  }
  if (moveFocus) focusOn(totals);
}

// ---------------------------------------------------------------- start

/** Draws the current view again in the language just chosen (the session, the open tip's deep link and the filters stay). */
function rerender(): void {
  if (info === null) renderSignIn();
  else void startConsole(false);
}

async function main(): Promise<void> {
  renderChrome(rerender);
  config = await loadConfig();
  const fromFragment = tokenFromFragment(location.hash);
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(TOKEN_KEY);
  } catch {
    stored = null;
  }
  // The search (`?lang=xx`) stays; only the token leaves the address.
  if (fromFragment !== null) history.replaceState(null, '', `${location.pathname}${location.search}`);
  const candidate = fromFragment ?? stored;
  if (candidate !== null && signIn(candidate) === null) {
    await startConsole(false);
  } else {
    renderSignIn(candidate === null ? undefined : t('sessionExpired'));
  }
}

void main();
