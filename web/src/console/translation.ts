import { ApiError } from '../lib/http.ts';
import { h, replace } from '../lib/dom.ts';
import { endonym, locales } from '../i18n/index.ts';
import type { MachineTranslation as KeptTranslation } from '#shared/schemas/translation.ts';
import type { TranslateAnswer as Answer } from '#shared/schemas/responses.ts';
import type { ConsoleShared } from './shared.ts';
import translateLanguages from '#shared/tips/data/translate-languages.json' with { type: 'json' };
import { translateLanguageOf } from '#shared/tips/translation.ts';

export type { KeptTranslation };

/**
 * "Translate" on a tip (issue 16): Amazon Translate, on AWS only, into the language the
 * investigator reads. The translation is shown beside the original, which is never replaced, and
 * always labelled as a machine's work. Locally the button says that translation needs AWS.
 */



const FAILURES: Record<string, string> = {
  'translation-off': 'Translation needs Amazon Translate, which runs on AWS only: it is off on this stack.',
  'unsupported-language': 'Amazon Translate cannot translate between these two languages.',
  'language-not-detected': 'Amazon Translate could not tell which language the tip is in.',
  unavailable: 'Amazon Translate is not available just now; try again in a minute.',
};

/** The investigator's own language when the console offers it, else English. */
function preferredTarget(): string {
  const primary = (navigator.language || 'en').toLowerCase().split('-')[0]!;
  return (locales as readonly string[]).includes(primary) ? primary : 'en';
}

function translationBlock(target: string, translation: KeptTranslation, formatTime: (iso: string) => string): HTMLElement {
  return h('section', { class: 'machine-translation', 'data-target': target, 'aria-label': `Machine translation into ${endonym(target)}` },
    h('p', { class: 'machine-translation-label' },
      `Machine translation into ${endonym(target)} (from ${endonym(translation.sourceLanguage)}), by Amazon Translate, ${formatTime(translation.at)}. Not checked by a person: the original above is what the tipster wrote.`),
    h('div', { class: 'tip-text', lang: target }, translation.text));
}

// --- New user-visible strings of this task (object labels / translation source), for the catalogue ---
const SOURCE_LABEL = 'From';
const sourceAsTip = (code: string | null): string => (code === null ? 'Choose the tip\'s language' : `As the tip: ${languageName(code)} (${code})`);
// --- end of new strings ---

/** A language's name in the console's language, from the browser (Amazon Translate codes are BCP 47). */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function translationPanel(
  tip: { tipId: string; language?: string | null; detectedLanguage?: string | null; machineTranslations?: Record<string, KeptTranslation> },
  shared: Pick<ConsoleShared, 'api' | 'describe' | 'formatTime'>,
): HTMLElement {
  const kept = h('div', { id: 'tip-translations' },
    Object.entries(tip.machineTranslations ?? {}).map(([target, translation]) => translationBlock(target, translation, shared.formatTime)));
  const result = h('div', { id: 'translation-result', role: 'status', 'aria-live': 'polite' });
  const target = h('select', { id: 'translate-target', name: 'target' },
    locales.map((code) => h('option', { value: code, selected: code === preferredTarget() }, `${endonym(code)} (${code})`)));
  // The source language is sent explicitly (never Translate's `auto`, which needs Comprehend): the
  // tip's declared or detected language unless the investigator knows better.
  const known = translateLanguageOf(tip.language) ?? translateLanguageOf(tip.detectedLanguage);
  const source = h('select', { id: 'translate-source', name: 'source' },
    h('option', { value: '' }, sourceAsTip(known)),
    translateLanguages.codes.map((code) => h('option', { value: code }, `${languageName(code)} (${code})`)));
  const form = h('form', { class: 'translate', novalidate: true, 'aria-labelledby': 'translate-heading' },
    h('h3', { id: 'translate-heading' }, 'Translation'),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'translate-source' }, SOURCE_LABEL), source),
      h('div', { class: 'field' }, h('label', { for: 'translate-target' }, 'Into'), target),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', id: 'translate-button' }, 'Translate'))),
    result,
    kept);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(target.value, source.value === '' ? undefined : source.value);
  });

  async function run(language: string, from: string | undefined): Promise<void> {
    replace(result, h('p', {}, 'Translating…'));
    let answer: Answer;
    try {
      answer = (await shared.api<Answer>(`/investigator/tips/${encodeURIComponent(tip.tipId)}/translate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ target: language, source: from }),
      })).body;
    } catch (error) {
      const reason = error instanceof ApiError && typeof error.body.reason === 'string' ? error.body.reason : undefined;
      replace(result, h('p', { class: 'alert alert-error', id: 'translation-failed' }, reason !== undefined && FAILURES[reason] !== undefined ? FAILURES[reason]! : shared.describe(error)));
      return;
    }
    if (answer.status === 'failed') {
      replace(result, h('p', { class: 'alert alert-error', id: 'translation-failed' }, `Not translated: ${FAILURES[answer.reason] ?? answer.reason} The original above is unchanged.`));
      return;
    }
    replace(result);
    kept.querySelector(`[data-target="${CSS.escape(answer.target)}"]`)?.remove();
    kept.prepend(translationBlock(answer.target, answer.translation, shared.formatTime));
  }

  return form;
}
