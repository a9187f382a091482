import { ApiError } from '../lib/http.ts';
import { h, replace } from '../lib/dom.ts';
import { endonym } from '../i18n/core.ts';
import { formLocales } from '../i18n/languages.ts';
import type { ConsoleMessageKey } from '../i18n/console/index.ts';
import { intlLocale, locale, t } from './locale.ts';
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



const FAILURES: Record<string, ConsoleMessageKey> = {
  'translation-off': 'translationOff',
  'unsupported-language': 'translationUnsupported',
  'language-not-detected': 'translationNotDetected',
  unavailable: 'translationUnavailable',
};
const failure = (reason: string): string | undefined => (Object.hasOwn(FAILURES, reason) ? t(FAILURES[reason]!) : undefined);

function translationBlock(target: string, translation: KeptTranslation, formatTime: (iso: string) => string): HTMLElement {
  return h('section', { class: 'machine-translation', 'data-target': target, 'aria-label': t('machineTranslationLabel', { language: endonym(target) }) },
    h('p', { class: 'machine-translation-label' },
      t('machineTranslationNote', { language: endonym(target), source: endonym(translation.sourceLanguage), time: formatTime(translation.at) })),
    h('div', { class: 'tip-text', lang: target, dir: 'auto' }, translation.text));
}

const sourceAsTip = (code: string | null): string => (code === null ? t('translateSourceChoose') : t('translateSourceAsTip', { language: languageName(code), code }));

/** A language's name in the console's language, from the browser (Amazon Translate codes are BCP 47). */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([intlLocale()], { type: 'language' }).of(code) ?? code;
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
    // Into the interface language by default (every console language is one of the form's, so one of Translate's targets here).
    formLocales.map((code) => h('option', { value: code, selected: code === locale }, t('objectLangOption', { language: endonym(code), code }))));
  // The source language is sent explicitly (never Translate's `auto`, which needs Comprehend): the
  // tip's declared or detected language unless the investigator knows better.
  const known = translateLanguageOf(tip.language) ?? translateLanguageOf(tip.detectedLanguage);
  const source = h('select', { id: 'translate-source', name: 'source' },
    h('option', { value: '' }, sourceAsTip(known)),
    translateLanguages.codes.map((code) => h('option', { value: code }, t('objectLangOption', { language: languageName(code), code }))));
  const form = h('form', { class: 'translate', novalidate: true, 'aria-labelledby': 'translate-heading' },
    h('h3', { id: 'translate-heading' }, t('translationHeading')),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'translate-source' }, t('translateFrom')), source),
      h('div', { class: 'field' }, h('label', { for: 'translate-target' }, t('translateInto')), target),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', id: 'translate-button' }, t('translate')))),
    result,
    kept);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(target.value, source.value === '' ? undefined : source.value);
  });

  async function run(language: string, from: string | undefined): Promise<void> {
    replace(result, h('p', {}, t('translating')));
    let answer: Answer;
    try {
      answer = (await shared.api<Answer>(`/investigator/tips/${encodeURIComponent(tip.tipId)}/translate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ target: language, source: from }),
      })).body;
    } catch (error) {
      const reason = error instanceof ApiError && typeof error.body.reason === 'string' ? error.body.reason : undefined;
      replace(result, h('p', { class: 'alert alert-error', id: 'translation-failed' }, (reason === undefined ? undefined : failure(reason)) ?? shared.describe(error)));
      return;
    }
    if (answer.status === 'failed') {
      replace(result, h('p', { class: 'alert alert-error', id: 'translation-failed' }, t('notTranslated', { reason: failure(answer.reason) ?? answer.reason })));
      return;
    }
    replace(result);
    kept.querySelector(`[data-target="${CSS.escape(answer.target)}"]`)?.remove();
    kept.prepend(translationBlock(answer.target, answer.translation, shared.formatTime));
  }

  return form;
}
