import '../styles/base.css';
import '../styles/public.css';
import { directionOf, endonym, format, isLocale, locales, pickLocale, type Locale, type MessageKey } from '../i18n/index.ts';
import { byId, charCount, focusOn, h, replace } from '../lib/dom.ts';
import { ApiError, NetworkError, requestJson } from '../lib/http.ts';
import { tipLanguageChoices } from './tip-languages.ts';
import { zoomableImage, type ZoomLabels } from './zoom.ts';
import { POW_HEADER, powHeaderValue, solve } from '#shared/pow.ts';
// The API's answers, typed from the schemas the API is documented with (type-only: no zod in the bundle).
import type { AttachmentUpload } from '#shared/schemas/api.ts';
import type { TipsterView as Conversation } from '#shared/schemas/messages.ts';
import type { PublicObject } from '#shared/schemas/object.ts';
import type { SubmitTipResponse as Receipt } from '#shared/schemas/tip.ts';

/** The public tip form: a gallery of objects and one page with a form per object. */



/** One form fill: what the tipster typed, and the key that makes its sending idempotent. */
interface Draft {
  text: string;
  language: string;
  idempotencyKey: string;
  receipt: Receipt | null;
  /** The optional attachments the tipster chose (at most MAX_ATTACHMENTS). */
  files: File[];
  /** Each file once uploaded, with its key, so a retry after a refused tip does not upload it again. */
  uploaded: Map<File, string>;
  /** How many attachments the sent tip carried (for the receipt). */
  attached: number;
}


const MAX_CHARS = 5000;
/** Attachments, as the API accepts them (shared/resources.ts limits). */
const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
const MAX_ATTACHMENT_MB = 10;
const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;
/** Files per tip (shared/resources.ts `limits.maxAttachments`); the API refuses more, this only says so first. */
const MAX_ATTACHMENTS = 5;
/** For files the browser gives no type (some systems do not know WebP). */
const TYPE_BY_EXTENSION: Record<string, (typeof ATTACHMENT_TYPES)[number]> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf' };

let locale: Locale = pickLocale(navigator.languages ?? [navigator.language], new URLSearchParams(location.search).get('lang'));
let objects: PublicObject[] | null = null;
let loadFailed = false;
const drafts = new Map<string, Draft>();
let sending = false;

const t = (key: MessageKey, values?: Record<string, string | number>): string => format(locale, key, values);

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function draftFor(objectId: string): Draft {
  let draft = drafts.get(objectId);
  if (draft === undefined) {
    draft = { text: '', language: '', idempotencyKey: newKey(), receipt: null, files: [], uploaded: new Map(), attached: 0 };
    drafts.set(objectId, draft);
  }
  return draft;
}

// ---------------------------------------------------------------- chrome

/** Keeps the interface language in the address (`?lang=xx`), the router's hash untouched. */
function keepLocaleInUrl(): void {
  const url = new URL(location.href);
  if (url.searchParams.get('lang') === locale) return;
  url.searchParams.set('lang', locale);
  history.replaceState(history.state, '', url);
}

function renderChrome(): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  byId('skip-link').textContent = t('skipToContent');
  byId('brand').textContent = t('appName');
  byId('ui-lang-label').textContent = t('languageLabel');
  byId('footer-text').textContent = t('footerText');
  const select = byId<HTMLSelectElement>('ui-lang');
  if (select.options.length === 0) {
    const names = locales.map((code) => ({ code, name: endonym(code) }));
    // Each language by its own name; the list keeps a stable order (by code) that does not move as the interface language changes.
    for (const { code, name } of names) select.append(h('option', { value: code, lang: code, dir: directionOf(code) }, name));
    select.addEventListener('change', () => {
      const chosen = select.value;
      if (!isLocale(chosen)) return;
      locale = chosen;
      keepLocaleInUrl();
      renderChrome();
      // Object texts come from the API in the language asked for.
      void load();
    });
  }
  select.value = locale;
}

// ---------------------------------------------------------------- routing

type Route = { page: 'gallery' } | { page: 'object'; objectId: string } | { page: 'followup' };

function currentRoute(): Route {
  if (location.hash === '#/followup') return { page: 'followup' };
  const match = /^#\/object\/([^/?#]+)$/.exec(location.hash);
  if (match !== null) {
    try {
      return { page: 'object', objectId: decodeURIComponent(match[1]!) };
    } catch {
      return { page: 'gallery' };
    }
  }
  return { page: 'gallery' };
}

function render(moveFocus: boolean): void {
  const main = byId('main');
  const route = currentRoute();
  // The follow-up page needs no objects.
  if (route.page === 'followup') {
    renderFollowup(main);
    if (moveFocus) focusOn(document.getElementById('page-heading'));
    return;
  }
  if (objects === null) {
    document.title = t('pageTitleGallery');
    if (loadFailed) {
      replace(
        main,
        h('h1', { id: 'page-heading' }, t('galleryHeading')),
        h('div', { class: 'alert alert-error', role: 'alert' }, h('p', {}, t('loadError'))),
        h('button', { type: 'button', class: 'button', onclick: () => void load() }, t('retry')),
      );
    } else {
      replace(main, h('h1', { id: 'page-heading' }, t('galleryHeading')), h('p', { role: 'status' }, t('loading')));
    }
    return;
  }
  if (route.page === 'object') renderObject(main, route.objectId);
  else renderGallery(main);
  if (moveFocus) focusOn(document.getElementById('page-heading'));
}

// ---------------------------------------------------------------- gallery

function objectImage(object: PublicObject): HTMLImageElement {
  return h('img', { src: safeImageUrl(object.imageUrl), alt: t('imageAlt', { title: object.title }), width: 240, height: 160, loading: 'lazy', decoding: 'async' });
}

/** Only same-origin paths (the CSP would block others anyway). */
function safeImageUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : 'data:,';
}

/** The language of an object's texts, so that an English fallback inside another language is read (and hyphenated) as English. */
function textLang(object: PublicObject): string {
  return typeof object.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(object.lang) ? object.lang : 'en';
}

function renderGallery(main: HTMLElement): void {
  document.title = t('pageTitleGallery');
  const list = objects ?? [];
  replace(
    main,
    h('h1', { id: 'page-heading' }, t('galleryHeading')),
    h('p', { class: 'lead' }, t('galleryIntro')),
    h('p', {}, h('a', { href: '#/followup', id: 'gallery-followup-link' }, t('followupLink'))),
    list.length === 0
      ? h('p', {}, t('noObjects'))
      : h(
          'ul',
          { class: 'gallery' },
          list.map((object) =>
            h(
              'li',
              { class: object.identified ? 'card card-solved' : 'card' },
              objectImage(object),
              h('div', { class: 'card-body' },
                h('h2', { class: 'card-title', lang: textLang(object) }, object.title),
                h('p', { class: 'card-text', lang: textLang(object) }, object.description),
                object.identified
                  ? h('p', { class: 'badge badge-solved' }, t('identified'))
                  : h('a', { class: 'button', href: `#/object/${encodeURIComponent(object.objectId)}` }, t('sendTipAbout', { title: object.title })),
              ),
            ),
          ),
        ),
  );
}

// ---------------------------------------------------------------- object page

function renderObject(main: HTMLElement, objectId: string): void {
  const object = objects?.find((candidate) => candidate.objectId === objectId);
  const back = h('p', { class: 'back' }, h('a', { href: '#/' }, `${directionOf(locale) === 'rtl' ? '→' : '←'} ${t('backToGallery')}`));
  if (object === undefined) {
    document.title = t('pageTitleGallery');
    replace(main, back, h('h1', { id: 'page-heading' }, t('objectNotFound')));
    return;
  }
  document.title = t('pageTitleObject', { title: object.title });
  const section = h('section', { class: 'tip-section', 'aria-labelledby': 'form-heading' });
  replace(
    main,
    back,
    h('h1', { id: 'page-heading', lang: textLang(object) }, object.title),
    h('div', { class: 'object' }, h('figure', { class: 'object-figure' }, zoomableImage(objectImage(object), object.title, textLang(object), zoomLabels())), h('p', { class: 'object-text', lang: textLang(object) }, object.description)),
    object.identified
      ? h('div', { class: 'solved', role: 'note' }, h('p', { class: 'badge badge-solved' }, t('identified')), h('p', {}, t('identifiedText')))
      : section,
  );
  if (!object.identified) {
    const draft = draftFor(object.objectId);
    if (draft.receipt !== null) renderReceipt(section, object, draft, false);
    else renderForm(section, object, draft);
  }
}

function zoomLabels(): ZoomLabels {
  return {
    open: t('zoomOpen'),
    close: t('zoomClose'),
    zoomIn: t('zoomIn'),
    zoomOut: t('zoomOut'),
    reset: t('zoomReset'),
    hint: t('zoomHint'),
    level: (percent) => t('zoomLevel', { percent }),
  };
}

function renderForm(section: HTMLElement, object: PublicObject, draft: Draft): void {
  const textarea = h('textarea', {
    id: 'tip-text',
    name: 'text',
    rows: 8,
    'aria-describedby': 'tip-hint tip-counter',
    autocomplete: 'off',
    spellcheck: 'true',
  });
  textarea.value = draft.text;
  const counter = h('p', { id: 'tip-counter', class: 'counter' });
  const textError = h('p', { id: 'tip-text-error', class: 'field-error', hidden: true });
  const languageSelect = h('select', { id: 'tip-language', name: 'language' }, h('option', { value: '' }, t('tipLanguageNone')), languageOptions());
  languageSelect.value = draft.language;
  const languageError = h('p', { id: 'tip-language-error', class: 'field-error', hidden: true });
  const fileInput = h('input', {
    id: 'tip-file',
    name: 'file',
    type: 'file',
    multiple: true,
    // Visually hidden but focusable: the browser's own "Choose file" / "No file chosen" text is in the browser's language, not the page's.
    class: 'visually-hidden file-input',
    accept: ATTACHMENT_TYPES.join(','),
    'aria-describedby': 'tip-file-name tip-file-hint tip-file-privacy',
  });
  // The visible control: the input's second label, so a click opens the picker; Space or Enter on the focused input does too.
  const chooseFile = h('label', { for: 'tip-file', class: 'button button-small file-choose' }, t('fileChoose'));
  const fileName = h('span', { id: 'tip-file-name', class: 'file-name' });
  const showFileName = (): void => {
    fileName.textContent = draft.files.length === 0 ? t('fileNone') : draft.files.map((file) => file.name).join(', ');
  };
  const fileError = h('p', { id: 'tip-file-error', class: 'field-error', hidden: true });
  const removeFile = h('button', { type: 'button', class: 'button button-small', id: 'tip-file-remove', hidden: true }, t('fileRemove'));
  if (draft.files.length > 0) {
    // Back on the form (another interface language): keep the chosen files.
    try {
      const transfer = new DataTransfer();
      for (const file of draft.files) transfer.items.add(file);
      fileInput.files = transfer.files;
    } catch {
      draft.files = [];
    }
  }
  removeFile.hidden = draft.files.length === 0;
  showFileName();
  // Honeypot: off-screen and out of the tab order; people leave it empty, form-filling bots do not.
  const honeypot = h('input', { id: 'tip-website', name: 'website', type: 'text', tabindex: -1, autocomplete: 'off' });
  const button = h('button', { type: 'submit', class: 'button button-primary', id: 'tip-submit' }, t('submit'));
  const status = h('p', { id: 'tip-status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const generalError = h('div', { id: 'tip-error', class: 'alert alert-error', hidden: true, tabindex: -1, role: 'alert' });
  const form = h(
    'form',
    { class: 'tip-form', novalidate: true, 'aria-labelledby': 'form-heading' },
    generalError,
    h('div', { class: 'field' }, h('label', { for: 'tip-text' }, t('tipLabel')), h('p', { id: 'tip-hint', class: 'hint' }, t('tipHint')), textError, textarea, counter),
    h('div', { class: 'field' }, h('label', { for: 'tip-language' }, t('tipLanguageLabel')), languageError, languageSelect),
    h('div', { class: 'field field-file' },
      h('label', { for: 'tip-file' }, t('fileLabel')),
      h('p', { id: 'tip-file-hint', class: 'hint' }, t('fileHint', { max: MAX_ATTACHMENT_MB })),
      h('p', { id: 'tip-file-privacy', class: 'hint privacy-note' }, t('filePrivacy')),
      fileError,
      h('div', { class: 'file-row' }, fileInput, chooseFile, fileName, removeFile),
    ),
    h('div', { class: 'hp-field' }, h('label', { for: 'tip-website' }, t('honeypotLabel')), honeypot),
    button,
    status,
  );

  let wasOver = false;
  const updateCounter = (): void => {
    const count = charCount(textarea.value);
    const over = count > MAX_CHARS;
    counter.textContent = over ? t('counterOver', { count: count - MAX_CHARS }) : t('counter', { count, max: MAX_CHARS });
    counter.classList.toggle('over', over);
    if (over !== wasOver) {
      // Announce crossing the limit once, not every keystroke.
      status.textContent = over ? t('errorTooLong', { max: MAX_CHARS }) : '';
      wasOver = over;
    }
  };
  textarea.addEventListener('input', () => {
    draft.text = textarea.value;
    if (!textError.hidden && charCount(textarea.value) > 0 && charCount(textarea.value) <= MAX_CHARS) setFieldError(textarea, textError, null);
    updateCounter();
  });
  languageSelect.addEventListener('change', () => {
    draft.language = languageSelect.value;
    setFieldError(languageSelect, languageError, null);
  });
  fileInput.addEventListener('change', () => {
    draft.files = [...(fileInput.files ?? [])];
    removeFile.hidden = draft.files.length === 0;
    showFileName();
    setFieldError(fileInput, fileError, filesProblem(draft.files));
  });
  removeFile.addEventListener('click', () => {
    if (sending) return;
    fileInput.value = '';
    draft.files = [];
    removeFile.hidden = true;
    showFileName();
    setFieldError(fileInput, fileError, null);
    fileInput.focus();
  });
  updateCounter();

  const showGeneral = (message: string): void => {
    replace(generalError, h('h3', { class: 'alert-title' }, t('errorHeading')), h('p', {}, message));
    generalError.hidden = false;
    focusOn(generalError);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    generalError.hidden = true;
    setFieldError(textarea, textError, null);
    setFieldError(languageSelect, languageError, null);
    setFieldError(fileInput, fileError, null);
    const count = charCount(textarea.value);
    const problem = filesProblem(draft.files);
    if (count === 0 || count > MAX_CHARS) setFieldError(textarea, textError, count === 0 ? t('errorEmpty') : t('errorTooLong', { max: MAX_CHARS }));
    if (problem !== null) setFieldError(fileInput, fileError, problem);
    if (count === 0 || count > MAX_CHARS) {
      textarea.focus();
      return;
    }
    if (problem !== null) {
      fileInput.focus();
      return;
    }
    sending = true;
    button.disabled = true;
    removeFile.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const progress = (message: string): void => {
      button.textContent = message;
      status.textContent = message;
    };
    void (async (): Promise<Receipt> => {
      const attachmentKeys: string[] = [];
      // One after another, each with its own presigned policy: the first refusal stops the tip, naming its file.
      for (const file of draft.files) {
        progress(t('uploading'));
        attachmentKeys.push(await uploadAttachment(draft, file));
      }
      progress(t('sending'));
      const receipt = await send(object, draft, honeypot.value, attachmentKeys, () => {
        status.textContent = t('provingWork');
      });
      draft.attached = attachmentKeys.length;
      return receipt;
    })()
      .then((receipt) => {
        draft.receipt = receipt;
        renderReceipt(section, object, draft, true);
      })
      .catch((error: unknown) => {
        status.textContent = '';
        handleError(error, { textarea, textError, languageSelect, languageError, fileInput, fileError, draft, showGeneral });
      })
      .finally(() => {
        sending = false;
        button.disabled = false;
        removeFile.disabled = false;
        button.textContent = t('submit');
        form.removeAttribute('aria-busy');
      });
  });

  replace(
    section,
    h('h2', { id: 'form-heading' }, t('formHeading')),
    h(
      'div',
      { class: 'notice' },
      h('h3', {}, t('anonymousHeading')),
      h('p', {}, t('anonymousText')),
      h('h3', {}, t('doNotSendHeading')),
      h('ul', {}, h('li', {}, t('doNotSendImages')), h('li', {}, t('doNotSendPersonal')), h('li', {}, t('doNotSendIllegal'))),
    ),
    form,
  );
}

function languageOptions(): HTMLOptionElement[] {
  return tipLanguageChoices(locale, endonym).map(({ code, label }) => h('option', { value: code }, label));
}

/**
 * Why the API would refuse these files, checked before anything is sent; null when they are
 * fine. A help, not the check: the API sniffs each file's bytes and enforces its policy.
 */
function filesProblem(files: readonly File[]): string | null {
  if (files.length > MAX_ATTACHMENTS) return t('errorFileCount', { count: MAX_ATTACHMENTS });
  for (const file of files) {
    const problem = fileProblem(file);
    // With several files, say which one: the tipster removes or replaces that one.
    if (problem !== null) return files.length === 1 ? problem : namedProblem(file.name, problem);
  }
  return null;
}

/** A problem with one of several files, naming it (a file name reads the same in every language). */
function namedProblem(name: string, problem: string): string {
  return `${name}: ${problem}`;
}

/** Why the API would refuse this one file; null when it is fine. */
function fileProblem(file: File): string | null {
  if (contentTypeOf(file) === null) return t('errorFileType');
  if (file.size === 0) return t('errorFileEmpty');
  if (file.size > MAX_ATTACHMENT_BYTES) return t('errorFileSize', { max: MAX_ATTACHMENT_MB });
  return null;
}

function contentTypeOf(file: File): (typeof ATTACHMENT_TYPES)[number] | null {
  const declared = file.type.toLowerCase();
  const known = ATTACHMENT_TYPES.find((type) => type === declared);
  if (known !== undefined) return known;
  if (declared !== '') return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return Object.hasOwn(TYPE_BY_EXTENSION, extension) ? TYPE_BY_EXTENSION[extension]! : null;
}

/** The upload failed: the tip is not sent, and the error goes next to the file field, naming the file. */
class UploadError extends Error {
  readonly messageKey: MessageKey;
  /** The file that failed, once known (set by uploadAttachment's caller side). */
  fileName: string | undefined;
  constructor(messageKey: MessageKey, cause?: unknown) {
    super(messageKey, { cause });
    this.messageKey = messageKey;
  }
}

/**
 * Asks the API for a presigned POST, then uploads the file straight to the
 * bucket (another origin): the fields first, the file last. A file already
 * uploaded for this draft is not uploaded again.
 */
async function uploadAttachment(draft: Draft, file: File): Promise<string> {
  try {
    return await uploadOne(draft, file);
  } catch (error) {
    if (error instanceof UploadError && draft.files.length > 1) error.fileName = file.name;
    throw error;
  }
}

async function uploadOne(draft: Draft, file: File): Promise<string> {
  const done = draft.uploaded.get(file);
  if (done !== undefined) return done;
  const contentType = contentTypeOf(file);
  if (contentType === null) throw new UploadError('errorFileType');
  let grant: AttachmentUpload;
  try {
    grant = (
      await requestJson<AttachmentUpload>('/tips/attachments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contentType, size: file.size }),
      })
    ).body;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 413)) {
      const fields = error.issues.map((issue) => issue.path.split('.')[0]);
      if (fields.includes('contentType')) throw new UploadError('errorFileType', error);
      if (fields.includes('size') || error.status === 413) throw new UploadError('errorFileSize', error);
    }
    throw new UploadError('errorUpload', error);
  }
  if (typeof grant.attachmentKey !== 'string' || typeof grant.upload?.url !== 'string') throw new UploadError('errorUpload');
  if (typeof grant.maxBytes === 'number' && file.size > grant.maxBytes) throw new UploadError('errorFileSize');
  const body = new FormData();
  for (const [name, value] of Object.entries(grant.upload.fields ?? {})) body.append(name, value);
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(grant.upload.url, { method: 'POST', body, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    throw new UploadError('errorUpload', error);
  }
  // S3 says EntityTooLarge with a 400; the local endpoint with a 413.
  if (!response.ok) throw new UploadError((response.status === 400 || response.status === 413) && /EntityTooLarge/.test(await response.text().catch(() => '')) ? 'errorFileSize' : 'errorUpload');
  draft.uploaded.set(file, grant.attachmentKey);
  return grant.attachmentKey;
}

function setFieldError(field: HTMLElement, error: HTMLElement, message: string | null): void {
  const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && id !== error.id);
  if (message === null) {
    error.hidden = true;
    error.textContent = '';
    field.removeAttribute('aria-invalid');
  } else {
    error.textContent = message;
    error.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    describedBy.unshift(error.id);
  }
  if (describedBy.length > 0) field.setAttribute('aria-describedby', describedBy.join(' '));
  else field.removeAttribute('aria-describedby');
}

/**
 * When the server asks for proof of work (GET /tips/challenge answers a
 * challenge), solves it in the browser: a second or so for a person, a real
 * cost per tip for a flood. Each attempt needs a fresh, single-use challenge.
 */
async function powHeaders(onWork: () => void): Promise<Record<string, string>> {
  const { body } = await requestJson<{ challenge: string | null; difficulty: number }>('/tips/challenge');
  if (body.challenge === null || body.difficulty <= 0) return {};
  onWork();
  const nonce = await solve(body.challenge, body.difficulty);
  return { [POW_HEADER]: powHeaderValue(body.challenge, nonce) };
}

async function send(object: PublicObject, draft: Draft, honeypot: string, attachmentKeys: readonly string[], onWork: () => void): Promise<Receipt> {
  const body: Record<string, string | readonly string[]> = { objectId: object.objectId, text: draft.text };
  if (draft.language !== '') body.language = draft.language;
  if (attachmentKeys.length > 0) body.attachmentKeys = attachmentKeys;
  if (honeypot !== '') body.website = honeypot;
  const post = async (): Promise<Receipt> => {
    const pow = await powHeaders(onWork);
    const response = await requestJson<Receipt>('/tips', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': draft.idempotencyKey, ...pow },
      body: JSON.stringify(body),
    });
    return response.body;
  };
  try {
    return await post();
  } catch (error) {
    // The key went with an earlier version of this tip (sent, then edited after
    // an unclear failure): this is a different tip, so it gets its own key.
    if (error instanceof ApiError && error.status === 409 && /idempotency/i.test(error.message)) {
      draft.idempotencyKey = newKey();
      return post();
    }
    throw error;
  }
}

interface ErrorTargets {
  readonly textarea: HTMLTextAreaElement;
  readonly textError: HTMLElement;
  readonly languageSelect: HTMLSelectElement;
  readonly languageError: HTMLElement;
  readonly fileInput: HTMLInputElement;
  readonly fileError: HTMLElement;
  readonly draft: Draft;
  readonly showGeneral: (message: string) => void;
}

function handleError(error: unknown, targets: ErrorTargets): void {
  if (error instanceof UploadError) {
    const problem = error.messageKey === 'errorFileSize' ? t('errorFileSize', { max: MAX_ATTACHMENT_MB }) : t(error.messageKey);
    setFieldError(targets.fileInput, targets.fileError, error.fileName === undefined ? problem : namedProblem(error.fileName, problem));
    targets.fileInput.focus();
    return;
  }
  if (error instanceof NetworkError || !(error instanceof ApiError)) {
    targets.showGeneral(t('errorNetwork'));
    return;
  }
  if (error.status === 400 && error.issues.length > 0) {
    let focused = false;
    for (const issue of error.issues) {
      const field = issue.path.split('.')[0];
      if (field === 'text') {
        setFieldError(targets.textarea, targets.textError, /at most/.test(issue.message) ? t('errorTooLong', { max: MAX_CHARS }) : /empty/.test(issue.message) ? t('errorEmpty') : t('errorInvalid'));
        if (!focused) targets.textarea.focus();
        focused = true;
      } else if (field === 'language') {
        setFieldError(targets.languageSelect, targets.languageError, t('errorLanguage'));
        if (!focused) targets.languageSelect.focus();
        focused = true;
      } else if (field === 'attachmentKey' || field === 'attachmentKeys') {
        // The server is the authority on what a file is (its bytes): say what it said, and upload again next time.
        targets.draft.uploaded.clear();
        const refusedFile = attachmentIndex(issue.path) === null ? undefined : targets.draft.files[attachmentIndex(issue.path)!];
        const problem = /bytes are|declared as/.test(issue.message) ? t('errorFileType') : t('errorUpload');
        setFieldError(targets.fileInput, targets.fileError, refusedFile === undefined || targets.draft.files.length === 1 ? problem : namedProblem(refusedFile.name, problem));
        if (!focused) targets.fileInput.focus();
        focused = true;
      }
    }
    if (!focused) targets.showGeneral(t('errorGeneric'));
    return;
  }
  if (error.status === 404) targets.showGeneral(t('errorUnknownObject'));
  else if (error.status === 409) targets.showGeneral(/identified/i.test(error.message) ? t('errorIdentifiedObject') : t('errorGeneric'));
  else if (error.status === 413) targets.showGeneral(t('errorTooLarge'));
  else targets.showGeneral(t('errorGeneric'));
}

/** `attachmentKeys.2` → 2: which file the API refused (the form sends every key in `attachmentKeys`). */
function attachmentIndex(path: string): number | null {
  const match = /^attachmentKeys\.(\d+)$/.exec(path);
  return match === null ? null : Number(match[1]);
}

function renderReceipt(section: HTMLElement, object: PublicObject, draft: Draft, moveFocus: boolean): void {
  const receipt = draft.receipt!;
  const heading = h('h2', { id: 'receipt-heading', tabindex: -1 }, t('receiptHeading'));
  replace(
    section,
    h(
      'div',
      { class: 'receipt', role: 'region', 'aria-labelledby': 'receipt-heading' },
      heading,
      h('p', { id: 'receipt-write-down' }, t('receiptText')),
      draft.attached > 0 ? h('p', { id: 'receipt-attachment' }, t('receiptAttachment', { count: draft.attached })) : null,
      h('dl', { class: 'receipt-codes' },
        // Codes are Latin letters and digits: kept left to right inside right-to-left text.
        h('dt', {}, t('receiptCode')), h('dd', { id: 'receipt-code', class: 'code', dir: 'ltr' }, receipt.receipt),
        h('dt', {}, t('tipIdLabel')), h('dd', { id: 'receipt-tip-id', class: 'code', dir: 'ltr' }, receipt.tipId),
      ),
      copyButton(receipt.receipt),
      h('p', {}, h('a', { href: '#/followup', id: 'followup-link' }, t('followupLink'))),
      h('button', {
        type: 'button',
        class: 'button',
        onclick: () => {
          // A new form fill gets a new idempotency key.
          drafts.set(object.objectId, { text: '', language: draft.language, idempotencyKey: newKey(), receipt: null, files: [], uploaded: new Map(), attached: 0 });
          renderObject(byId('main'), object.objectId);
          byId('tip-text').focus();
        },
      }, t('sendAnother')),
    ),
  );
  if (moveFocus) focusOn(heading);
}

/** Copies the receipt (the Clipboard API needs a secure context; elsewhere the code is selected for the person to copy). */
function copyButton(receipt: string): HTMLElement {
  const status = h('p', { id: 'receipt-copied', role: 'status', class: 'muted' });
  const button = h('button', {
    type: 'button',
    class: 'button',
    id: 'receipt-copy',
    onclick: () => {
      const done = (): void => void (status.textContent = t('followupCopied'));
      const select = (): void => {
        const code = document.getElementById('receipt-code');
        if (code !== null) getSelection()?.selectAllChildren(code);
      };
      if (navigator.clipboard === undefined) select();
      else navigator.clipboard.writeText(receipt).then(done, select);
    },
  }, t('followupCopy'));
  return h('div', { class: 'receipt-copy' }, button, status);
}

// ---------------------------------------------------------------- follow-up


/**
 * The receipt of the open conversation: in memory only, sent in request
 * bodies, never put in the address, the history or any storage.
 */
let followupReceipt: string | null = null;
let conversation: Conversation | null = null;

const STATUS_KEY = { received: 'followupStatusReceived', in_review: 'followupStatusInReview', closed: 'followupStatusClosed' } as const satisfies Record<Conversation['status'], MessageKey>;

/** A day as the browser's locale writes it; the API gives the day only, never a time. */
function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

async function followupCall<T>(path: string, body: Record<string, string>): Promise<T> {
  const pow = await powHeaders(() => undefined);
  return (await requestJson<T>(path, { method: 'POST', headers: { 'content-type': 'application/json', ...pow }, body: JSON.stringify(body) })).body;
}

function followupProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 404) return t('followupUnknown');
  if (error instanceof ApiError && error.status === 429) return t('followupTooMany');
  if (error instanceof ApiError && error.status === 400 && error.issues.some((issue) => issue.path === 'receipt')) return t('followupUnknown');
  if (error instanceof ApiError && error.status === 400) return t('errorEmpty');
  return t('followupError');
}

function renderFollowup(main: HTMLElement): void {
  document.title = t('pageTitleFollowup');
  const error = h('p', { id: 'followup-error', class: 'field-error', role: 'alert', hidden: true });
  const input = h('input', {
    id: 'followup-receipt',
    name: 'receipt',
    type: 'text',
    class: 'code',
    dir: 'ltr',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': 'followup-receipt-hint',
    value: followupReceipt ?? '',
  });
  const open = h('form', {
    id: 'followup-form',
    novalidate: true,
    onsubmit: (event: Event) => {
      event.preventDefault();
      setFieldError(input, error, null);
      const receipt = input.value.trim();
      followupCall<Conversation>('/followup', { receipt })
        .then((view) => {
          followupReceipt = receipt;
          conversation = view;
          renderFollowup(main);
          focusOn(document.getElementById('followup-status'));
        })
        .catch((problem: unknown) => {
          setFieldError(input, error, followupProblem(problem));
          input.focus();
        });
    },
  },
    h('label', { for: 'followup-receipt' }, t('followupReceiptLabel')),
    h('p', { id: 'followup-receipt-hint', class: 'hint' }, t('followupReceiptHint')),
    input,
    error,
    h('button', { type: 'submit', class: 'button', id: 'followup-open' }, t('followupOpen')),
  );
  replace(
    main,
    h('h1', { id: 'page-heading' }, t('followupHeading')),
    h('p', {}, t('followupIntro')),
    conversation === null ? open : renderConversation(main, conversation),
  );
}

function renderConversation(main: HTMLElement, view: Conversation): HTMLElement {
  const textarea = h('textarea', { id: 'followup-text', name: 'text', rows: 5, maxlength: MAX_CHARS * 2 });
  const error = h('p', { id: 'followup-send-error', class: 'field-error', role: 'alert', hidden: true });
  const sent = h('p', { id: 'followup-sent', role: 'status' });
  const answer = h('form', {
    id: 'followup-answer',
    novalidate: true,
    onsubmit: (event: Event) => {
      event.preventDefault();
      setFieldError(textarea, error, null);
      followupCall<{ sentOn: string }>('/followup/messages', { receipt: followupReceipt ?? '', text: textarea.value })
        .then(() => followupCall<Conversation>('/followup', { receipt: followupReceipt ?? '' }))
        .then((fresh) => {
          conversation = fresh;
          renderFollowup(main);
          const status = document.getElementById('followup-sent');
          if (status !== null) status.textContent = t('followupSent');
          focusOn(document.getElementById('followup-messages-heading'));
        })
        .catch((problem: unknown) => {
          setFieldError(textarea, error, followupProblem(problem));
          textarea.focus();
        });
    },
  },
    h('label', { for: 'followup-text' }, t('followupAnswerLabel')),
    textarea,
    error,
    h('button', { type: 'submit', class: 'button', id: 'followup-send' }, t('followupSend')),
  );
  return h('section', { 'aria-labelledby': 'followup-messages-heading' },
    h('p', { id: 'followup-status', tabindex: -1 }, h('strong', {}, `${t('followupStatusLabel')}: `), t(STATUS_KEY[view.status])),
    h('h2', { id: 'followup-messages-heading', tabindex: -1 }, t('followupConversation')),
    sent,
    view.messages.length === 0
      ? h('p', { class: 'muted', id: 'followup-empty' }, t('followupNoMessages'))
      : h('ol', { class: 'conversation', id: 'followup-messages' },
          view.messages.map((message) =>
            h('li', { class: `message message-${message.from}` },
              h('p', { class: 'message-meta' }, t(message.from === 'investigator' ? 'followupFromInvestigator' : 'followupFromYou', { date: formatDay(message.sentOn) })),
              // Text only, never markup, whoever wrote it; its own direction (an English question in a Hebrew page reads left to right).
              h('p', { class: 'message-text', dir: 'auto' }, message.text),
            ),
          ),
        ),
    answer,
  );
}

// ---------------------------------------------------------------- start

async function load(): Promise<void> {
  loadFailed = false;
  objects = null;
  render(false);
  try {
    const response = await requestJson<{ items: PublicObject[] }>(`/objects?lang=${encodeURIComponent(locale)}`);
    objects = Array.isArray(response.body.items) ? response.body.items : [];
  } catch {
    loadFailed = true;
  }
  render(false);
}

renderChrome();
if (new URLSearchParams(location.search).has('lang')) keepLocaleInUrl();
byId('skip-link').addEventListener('click', (event) => {
  // The hash is the router's; move focus without changing it.
  event.preventDefault();
  focusOn(byId('main'));
});
window.addEventListener('hashchange', () => render(true));
void load();
