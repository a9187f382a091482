import { ApiError } from '../lib/http.ts';
import { focusOn, h, replace } from '../lib/dom.ts';
import { endonym } from '../i18n/core.ts';
import { formLocales } from '../i18n/languages.ts';
import type { ConsoleMessageKey } from '../i18n/console/index.ts';
import { t } from './locale.ts';
import { OBJECT_TRANSITIONS, type ObjectStatusName } from '#shared/objects/lifecycle.ts';
import type { TipObject as ConsoleObject } from '#shared/schemas/object.ts';
import type { ImageUpload as UploadGrant } from '#shared/schemas/responses.ts';
import type { ConsoleShared } from './shared.ts';

export type { ConsoleObject };

/**
 * Objects in the console (issue 16): every object with its picture, title and status; for
 * coordinators the lifecycle steps the API allows (shared/objects/lifecycle.ts, the same module),
 * a new draft with its picture, a new picture, and title and description in each interface
 * language (the public form falls back to English for a language without its own texts).
 * Titles and descriptions are typed by coordinators and only ever put into the page as text.
 */



export interface ObjectsOptions {
  readonly coordinator: boolean;
  readonly objects: readonly ConsoleObject[];
  /** Reloads the object list (after any change), so titles elsewhere in the console follow. */
  readonly reload: () => Promise<readonly ConsoleObject[]>;
}

const STATUS_KEYS: Record<ObjectStatusName, ConsoleMessageKey> = { draft: 'objectDraft', published: 'objectPublished', retired: 'objectRetired', identified: 'objectIdentified' };
const STATUS_LABELS = (status: ObjectStatusName): string => (Object.hasOwn(STATUS_KEYS, status) ? t(STATUS_KEYS[status]) : status);
/** What the button for each step says, by the status it starts from. */
const STEP_LABELS: Record<ObjectStatusName, (from: ObjectStatusName) => ConsoleMessageKey> = {
  draft: () => 'stepDraft',
  published: (from) => (from === 'draft' ? 'stepPublish' : 'stepPublishAgain'),
  retired: () => 'stepRetire',
  identified: () => 'stepIdentify',
};
const STEP_DONE: Record<ObjectStatusName, ConsoleMessageKey> = {
  draft: 'doneDraft',
  published: 'donePublished',
  retired: 'doneRetired',
  identified: 'doneIdentified',
};
/** The picture types the API's upload policy can be pinned to (shared/resources.ts limits.imageTypes). */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const ENGLISH = 'en';

export function renderObjects(section: HTMLElement, shared: ConsoleShared, options: ObjectsOptions): void {
  let objects = [...options.objects];
  /** Bumped after a new picture, so the browser does not show its cached copy of the old one. */
  const pictureVersion = new Map<string, number>();
  const heading = h('h2', { id: 'objects-heading' }, t('objectsHeading'));
  const feedback = h('div', { id: 'objects-feedback', role: 'status', 'aria-live': 'polite', tabindex: -1 });
  const list = h('ul', { class: 'objects', id: 'objects-list' });

  function say(text: string, error = false): void {
    replace(feedback, h('p', { class: error ? 'alert alert-error' : 'alert alert-ok' }, text));
    focusOn(feedback);
  }

  function describe(error: unknown): string {
    if (error instanceof ApiError && error.status === 409 && Array.isArray(error.body.allowed)) {
      const allowed = (error.body.allowed as ObjectStatusName[]).map(STATUS_LABELS).join(t('listSeparator'));
      return t('errorAllowedNext', { message: error.message, allowed: allowed === '' ? t('allowedNone') : allowed });
    }
    return shared.describe(error);
  }

  async function refresh(): Promise<void> {
    objects = [...(await options.reload())];
    renderList();
  }

  /** Asks the API for a presigned POST (pinned to the file's type), then uploads the file straight to storage. */
  async function uploadPicture(grant: UploadGrant, file: File): Promise<void> {
    const body = new FormData();
    for (const [name, value] of Object.entries(grant.fields)) body.append(name, value);
    body.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(grant.url, { method: 'POST', body, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new Error(t('pictureUnreachable'));
    }
    if (!response.ok) throw new Error(t('pictureRefused', { status: String(response.status) }));
  }

  /** The problem with a chosen picture, checked before anything is sent; null when it may go. */
  function pictureProblem(file: File): string | null {
    if (!IMAGE_TYPES.includes(file.type)) return t('pictureWrongType', { name: file.name });
    if (file.size > 5 * 1024 * 1024) return t('pictureTooLarge', { name: file.name });
    return null;
  }

  async function step(object: ConsoleObject, to: ObjectStatusName): Promise<void> {
    try {
      await shared.api(`/investigator/objects/${encodeURIComponent(object.objectId)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: to }),
      });
    } catch (error) {
      say(describe(error), true);
      return;
    }
    await refresh();
    say(t(STEP_DONE[to], { title: object.title }));
  }

  function pictureNode(object: ConsoleObject): HTMLElement {
    const version = pictureVersion.get(object.objectId);
    const src = version === undefined ? object.imageUrl : `${object.imageUrl}?v=${version}`;
    const image = h('img', { src, alt: t('pictureAlt', { title: object.title }), class: 'object-picture', width: 120, height: 90, loading: 'lazy' });
    const frame = h('div', { class: 'object-picture-frame' }, image);
    // A draft has no picture until one is uploaded: say so instead of a broken image.
    image.addEventListener('error', () => replace(frame, h('p', { class: 'object-no-picture muted' }, t('noPicture'))));
    return frame;
  }

  function textsForm(object: ConsoleObject): HTMLElement {
    const prefix = `object-${object.objectId}`;
    const language = h('select', { id: `${prefix}-lang`, name: 'lang', class: 'object-lang' },
      formLocales.map((code) => h('option', { value: code, selected: code === ENGLISH }, t(code === ENGLISH ? 'objectLangFallback' : 'objectLangOption', { language: endonym(code), code }))));
    const title = h('input', { id: `${prefix}-title`, name: 'title', type: 'text', maxlength: 200, autocomplete: 'off', required: true, 'aria-describedby': `${prefix}-texts-hint` });
    const description = h('textarea', { id: `${prefix}-description`, name: 'description', rows: 3, maxlength: 2000, 'aria-describedby': `${prefix}-texts-hint` });
    const hint = h('p', { id: `${prefix}-texts-hint`, class: 'hint' });
    const error = h('p', { id: `${prefix}-texts-error`, class: 'field-error', hidden: true });
    const fill = (): void => {
      const code = language.value;
      const own = code === ENGLISH ? { title: object.title, description: object.description } : object.translations?.[code];
      title.value = own?.title ?? '';
      description.value = own?.description ?? '';
      // Without its own texts a language shows the English ones on the public form.
      title.placeholder = code === ENGLISH ? '' : object.title;
      description.placeholder = code === ENGLISH ? '' : object.description;
      hint.textContent = code === ENGLISH
        ? t('textsEnglishHint')
        : own === undefined ? t('textsMissingHint', { language: endonym(code) }) : t('textsOwnHint', { language: endonym(code) });
    };
    language.addEventListener('change', fill);
    fill();
    const form = h('form', { class: 'object-texts', novalidate: true, 'aria-label': t('textsOf', { title: object.title }) },
      h('div', { class: 'field' }, h('label', { for: `${prefix}-lang` }, t('textsLanguage')), language),
      h('div', { class: 'field' }, h('label', { for: `${prefix}-title` }, t('title')), error, title),
      h('div', { class: 'field' }, h('label', { for: `${prefix}-description` }, t('description')), description),
      hint,
      h('button', { type: 'submit', class: 'button' }, t('saveTexts')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (title.value.trim() === '') {
        error.textContent = t('titleMissing');
        error.hidden = false;
        title.setAttribute('aria-invalid', 'true');
        title.focus();
        return;
      }
      error.hidden = true;
      title.removeAttribute('aria-invalid');
      void saveTexts(object, language.value, title.value.trim(), description.value.trim());
    });
    return form;
  }

  async function saveTexts(object: ConsoleObject, lang: string, title: string, description: string): Promise<void> {
    try {
      await shared.api(`/investigator/objects/${encodeURIComponent(object.objectId)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lang, title, description }),
      });
    } catch (error) {
      say(describe(error), true);
      return;
    }
    await refresh();
    say(t('textsSaved', { language: endonym(lang), title: lang === ENGLISH ? title : object.title }));
  }

  function pictureForm(object: ConsoleObject): HTMLElement {
    const id = `object-${object.objectId}-picture`;
    const input = h('input', { id, name: 'picture', type: 'file', accept: IMAGE_TYPES.join(','), 'aria-describedby': `${id}-hint` });
    const form = h('form', { class: 'object-picture-form', novalidate: true, 'aria-label': t('pictureOf', { title: object.title }) },
      h('div', { class: 'field' },
        h('label', { for: id }, t('newPicture')),
        h('p', { id: `${id}-hint`, class: 'hint' }, t('newPictureHint')),
        input),
      h('button', { type: 'submit', class: 'button' }, t('uploadPicture')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const file = input.files?.[0];
      if (file === undefined) {
        say(t('pictureNeedsFile'), true);
        input.focus();
        return;
      }
      void replacePicture(object, file);
    });
    return form;
  }

  async function replacePicture(object: ConsoleObject, file: File): Promise<void> {
    const problem = pictureProblem(file);
    if (problem !== null) {
      say(problem, true);
      return;
    }
    try {
      const grant = (await shared.api<{ upload: UploadGrant }>(`/investigator/objects/${encodeURIComponent(object.objectId)}/image`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contentType: file.type }),
      })).body.upload;
      await uploadPicture(grant, file);
    } catch (error) {
      say(describe(error), true);
      return;
    }
    pictureVersion.set(object.objectId, Date.now());
    await refresh();
    say(t('pictureUploaded', { title: object.title }));
  }

  function objectItem(object: ConsoleObject): HTMLElement {
    const steps = OBJECT_TRANSITIONS[object.status] ?? [];
    return h('li', { class: 'object', 'data-object-id': object.objectId, 'data-status': object.status },
      pictureNode(object),
      h('div', { class: 'object-body' },
        h('h3', { class: 'object-title', lang: 'en' }, object.title),
        h('p', { class: 'muted' }, h('span', { class: `status object-status object-status-${object.status}` }, STATUS_LABELS(object.status)), ' ', h('span', { class: 'code' }, object.objectId)),
        object.description === '' ? null : h('p', { class: 'object-description', lang: 'en' }, object.description),
        options.coordinator && steps.length > 0
          ? h('div', { class: 'actions' }, steps.map((to) =>
              h('button', { type: 'button', class: 'button', 'data-step': to, onclick: () => void step(object, to) }, t(STEP_LABELS[to](object.status)))))
          : null,
        options.coordinator
          ? h('details', { class: 'object-edit' }, h('summary', {}, t('editObject', { title: object.title })), textsForm(object), pictureForm(object))
          : null,
      ));
  }

  function renderList(): void {
    replace(list, objects.length === 0 ? h('li', { class: 'muted' }, t('noObjectsYet')) : objects.map(objectItem));
  }

  function createForm(): HTMLElement {
    const title = h('input', { id: 'new-object-title', name: 'title', type: 'text', maxlength: 200, autocomplete: 'off', required: true });
    const description = h('textarea', { id: 'new-object-description', name: 'description', rows: 3, maxlength: 2000 });
    const picture = h('input', { id: 'new-object-picture', name: 'picture', type: 'file', accept: IMAGE_TYPES.join(','), 'aria-describedby': 'new-object-picture-hint' });
    const error = h('p', { id: 'new-object-error', class: 'field-error', hidden: true });
    const form = h('form', { class: 'object-new', novalidate: true, 'aria-labelledby': 'new-object-heading' },
      h('h3', { id: 'new-object-heading' }, t('newObjectHeading')),
      h('p', { class: 'hint' }, t('newObjectHint')),
      h('div', { class: 'field' }, h('label', { for: 'new-object-title' }, t('titleEnglish')), error, title),
      h('div', { class: 'field' }, h('label', { for: 'new-object-description' }, t('descriptionEnglish')), description),
      h('div', { class: 'field' },
        h('label', { for: 'new-object-picture' }, t('picture')),
        h('p', { id: 'new-object-picture-hint', class: 'hint' }, t('newObjectPictureHint')),
        picture),
      h('button', { type: 'submit', class: 'button button-primary' }, t('createDraft')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const file = picture.files?.[0];
      const problem = title.value.trim() === '' ? t('titleMissing') : file === undefined ? null : pictureProblem(file);
      if (problem !== null) {
        error.textContent = problem;
        error.hidden = false;
        const target = title.value.trim() === '' ? title : picture;
        target.setAttribute('aria-invalid', 'true');
        target.focus();
        return;
      }
      error.hidden = true;
      title.removeAttribute('aria-invalid');
      picture.removeAttribute('aria-invalid');
      void create(title.value.trim(), description.value.trim(), file).then((created) => {
        if (created) form.reset();
      });
    });
    return form;
  }

  async function create(title: string, description: string, file: File | undefined): Promise<boolean> {
    let created: { object: ConsoleObject; upload: UploadGrant };
    try {
      created = (await shared.api<{ object: ConsoleObject; upload: UploadGrant }>('/investigator/objects', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, description, ...(file === undefined ? {} : { imageContentType: file.type }) }),
      })).body;
    } catch (error) {
      say(describe(error), true);
      return false;
    }
    let pictureNote = ` ${t('draftUploadLater')}`;
    if (file !== undefined) {
      try {
        await uploadPicture(created.upload, file);
        pictureNote = '';
      } catch (error) {
        pictureNote = ` ${t('draftUploadAgain', { error: describe(error) })}`;
      }
    }
    await refresh();
    say(`${t('draftCreated', { title })}${pictureNote}`, pictureNote !== '' && file !== undefined);
    return true;
  }

  renderList();
  replace(section, heading, feedback, list, options.coordinator ? createForm() : h('p', { class: 'muted' }, t('onlyCoordinators')));
}
