import { ApiError } from '../lib/http.ts';
import { focusOn, h, replace } from '../lib/dom.ts';
import { endonym, locales } from '../i18n/index.ts';
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

const STATUS_LABELS: Record<ObjectStatusName, string> = { draft: 'Draft', published: 'Published', retired: 'Retired', identified: 'Identified' };
/** What the button for each step says, by the status it starts from. */
const STEP_LABELS: Record<ObjectStatusName, (from: ObjectStatusName) => string> = {
  draft: () => 'Back to draft',
  published: (from) => (from === 'draft' ? 'Publish' : 'Publish again'),
  retired: () => 'Retire',
  identified: () => 'Mark identified',
};
const STEP_DONE: Record<ObjectStatusName, string> = {
  draft: 'is a draft again',
  published: 'is published: the public form shows it and takes tips',
  retired: 'is retired: the public form no longer shows it',
  identified: 'is marked identified: the public form shows it as solved and takes no more tips',
};
/** The picture types the API's upload policy can be pinned to (shared/resources.ts limits.imageTypes). */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const ENGLISH = 'en';

export function renderObjects(section: HTMLElement, shared: ConsoleShared, options: ObjectsOptions): void {
  let objects = [...options.objects];
  /** Bumped after a new picture, so the browser does not show its cached copy of the old one. */
  const pictureVersion = new Map<string, number>();
  const heading = h('h2', { id: 'objects-heading' }, 'Objects');
  const feedback = h('div', { id: 'objects-feedback', role: 'status', 'aria-live': 'polite', tabindex: -1 });
  const list = h('ul', { class: 'objects', id: 'objects-list' });

  function say(text: string, error = false): void {
    replace(feedback, h('p', { class: error ? 'alert alert-error' : 'alert alert-ok' }, text));
    focusOn(feedback);
  }

  function describe(error: unknown): string {
    if (error instanceof ApiError && error.status === 409 && Array.isArray(error.body.allowed)) {
      const allowed = (error.body.allowed as ObjectStatusName[]).map((status) => STATUS_LABELS[status] ?? status).join(', ');
      return `${error.message}. Allowed next: ${allowed === '' ? 'none' : allowed}.`;
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
      throw new Error('The picture could not be uploaded: the storage could not be reached.');
    }
    if (!response.ok) throw new Error(`The picture was refused by the storage (HTTP ${response.status}).`);
  }

  /** The problem with a chosen picture, checked before anything is sent; null when it may go. */
  function pictureProblem(file: File): string | null {
    if (!IMAGE_TYPES.includes(file.type)) return `Picture: “${file.name}” is not a JPEG, PNG or WebP image.`;
    if (file.size > 5 * 1024 * 1024) return `Picture: “${file.name}” is larger than 5 MB.`;
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
    say(`“${object.title}” ${STEP_DONE[to]}.`);
  }

  function pictureNode(object: ConsoleObject): HTMLElement {
    const version = pictureVersion.get(object.objectId);
    const src = version === undefined ? object.imageUrl : `${object.imageUrl}?v=${version}`;
    const image = h('img', { src, alt: `Picture of ${object.title}`, class: 'object-picture', width: 120, height: 90, loading: 'lazy' });
    const frame = h('div', { class: 'object-picture-frame' }, image);
    // A draft has no picture until one is uploaded: say so instead of a broken image.
    image.addEventListener('error', () => replace(frame, h('p', { class: 'object-no-picture muted' }, 'No picture yet')));
    return frame;
  }

  function textsForm(object: ConsoleObject): HTMLElement {
    const prefix = `object-${object.objectId}`;
    const language = h('select', { id: `${prefix}-lang`, name: 'lang', class: 'object-lang' },
      locales.map((code) => h('option', { value: code, selected: code === ENGLISH }, `${endonym(code)} (${code})${code === ENGLISH ? ' — the fallback' : ''}`)));
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
        ? 'English: every language without its own texts shows these.'
        : own === undefined ? `No ${endonym(code)} texts yet: the public form shows the English ones (greyed here).` : `The ${endonym(code)} texts the public form shows.`;
    };
    language.addEventListener('change', fill);
    fill();
    const form = h('form', { class: 'object-texts', novalidate: true, 'aria-label': `Texts of ${object.title}` },
      h('div', { class: 'field' }, h('label', { for: `${prefix}-lang` }, 'Language'), language),
      h('div', { class: 'field' }, h('label', { for: `${prefix}-title` }, 'Title'), error, title),
      h('div', { class: 'field' }, h('label', { for: `${prefix}-description` }, 'Description'), description),
      hint,
      h('button', { type: 'submit', class: 'button' }, 'Save texts'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (title.value.trim() === '') {
        error.textContent = 'Title: write a title (up to 200 characters).';
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
    say(`Saved the ${endonym(lang)} texts of “${lang === ENGLISH ? title : object.title}”.`);
  }

  function pictureForm(object: ConsoleObject): HTMLElement {
    const id = `object-${object.objectId}-picture`;
    const input = h('input', { id, name: 'picture', type: 'file', accept: IMAGE_TYPES.join(','), 'aria-describedby': `${id}-hint` });
    const form = h('form', { class: 'object-picture-form', novalidate: true, 'aria-label': `Picture of ${object.title}` },
      h('div', { class: 'field' },
        h('label', { for: id }, 'New picture'),
        h('p', { id: `${id}-hint`, class: 'hint' }, 'JPEG, PNG or WebP, up to 5 MB. It replaces the current one.'),
        input),
      h('button', { type: 'submit', class: 'button' }, 'Upload picture'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const file = input.files?.[0];
      if (file === undefined) {
        say('Picture: choose a file first.', true);
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
    say(`New picture of “${object.title}” uploaded.`);
  }

  function objectItem(object: ConsoleObject): HTMLElement {
    const steps = OBJECT_TRANSITIONS[object.status] ?? [];
    return h('li', { class: 'object', 'data-object-id': object.objectId, 'data-status': object.status },
      pictureNode(object),
      h('div', { class: 'object-body' },
        h('h3', { class: 'object-title' }, object.title),
        h('p', { class: 'muted' }, h('span', { class: `status object-status object-status-${object.status}` }, STATUS_LABELS[object.status] ?? object.status), ' ', h('span', { class: 'code' }, object.objectId)),
        object.description === '' ? null : h('p', { class: 'object-description' }, object.description),
        options.coordinator && steps.length > 0
          ? h('div', { class: 'actions' }, steps.map((to) =>
              h('button', { type: 'button', class: 'button', 'data-step': to, onclick: () => void step(object, to) }, STEP_LABELS[to](object.status))))
          : null,
        options.coordinator
          ? h('details', { class: 'object-edit' }, h('summary', {}, `Edit texts and picture of ${object.title}`), textsForm(object), pictureForm(object))
          : null,
      ));
  }

  function renderList(): void {
    replace(list, objects.length === 0 ? h('li', { class: 'muted' }, 'No objects yet.') : objects.map(objectItem));
  }

  function createForm(): HTMLElement {
    const title = h('input', { id: 'new-object-title', name: 'title', type: 'text', maxlength: 200, autocomplete: 'off', required: true });
    const description = h('textarea', { id: 'new-object-description', name: 'description', rows: 3, maxlength: 2000 });
    const picture = h('input', { id: 'new-object-picture', name: 'picture', type: 'file', accept: IMAGE_TYPES.join(','), 'aria-describedby': 'new-object-picture-hint' });
    const error = h('p', { id: 'new-object-error', class: 'field-error', hidden: true });
    const form = h('form', { class: 'object-new', novalidate: true, 'aria-labelledby': 'new-object-heading' },
      h('h3', { id: 'new-object-heading' }, 'New object'),
      h('p', { class: 'hint' }, 'It starts as a draft, seen only here, until you publish it. Texts in English first; other languages afterwards.'),
      h('div', { class: 'field' }, h('label', { for: 'new-object-title' }, 'Title (English)'), error, title),
      h('div', { class: 'field' }, h('label', { for: 'new-object-description' }, 'Description (English)'), description),
      h('div', { class: 'field' },
        h('label', { for: 'new-object-picture' }, 'Picture'),
        h('p', { id: 'new-object-picture-hint', class: 'hint' }, 'JPEG, PNG or WebP, up to 5 MB; a harmless detail only.'),
        picture),
      h('button', { type: 'submit', class: 'button button-primary' }, 'Create draft'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const file = picture.files?.[0];
      const problem = title.value.trim() === '' ? 'Title: write a title (up to 200 characters).' : file === undefined ? null : pictureProblem(file);
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
    let pictureNote = ' Upload its picture before you publish it.';
    if (file !== undefined) {
      try {
        await uploadPicture(created.upload, file);
        pictureNote = '';
      } catch (error) {
        pictureNote = ` ${describe(error)} Upload it again from the object's edit panel.`;
      }
    }
    await refresh();
    say(`Draft “${title}” created.${pictureNote}`, pictureNote !== '' && file !== undefined);
    return true;
  }

  renderList();
  replace(section, heading, feedback, list, options.coordinator ? createForm() : h('p', { class: 'muted' }, 'Only coordinators create, publish or retire objects.'));
}
