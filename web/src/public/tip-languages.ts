/**
 * The languages a tipster can name for their tip: exactly those the
 * classifier's language detector can answer (detectableLanguages() in
 * shared/geo/language.ts: franc-min's models it uses plus its script, letter
 * and function-word rules). Copied here so the page does not bundle franc;
 * test/unit/web/tip-languages.test.ts fails when the two differ.
 */
export const TIP_LANGUAGES = [
  'ar', 'az', 'be', 'bg', 'bn', 'bs', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'he', 'hi', 'hr', 'hu', 'hy', 'id', 'it',
  'ja', 'ka', 'kk', 'ko', 'lt', 'lv', 'ms', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'sw', 'th', 'tl', 'tr', 'uk',
  'ur', 'uz', 'vi', 'zh',
] as const;

/**
 * The tip languages as options: each by its own name (endonym, so a reader of
 * the language finds it whatever the interface language), with the
 * interface language's name after it when that differs, sorted by the
 * interface language's collation.
 */
export function tipLanguageChoices(uiLocale: string, endonym: (code: string) => string): { code: string; label: string }[] {
  let local: Intl.DisplayNames | null = null;
  try {
    local = new Intl.DisplayNames([uiLocale], { type: 'language' });
    // An engine without the interface language's names falls back to another language (English): show the own name only.
    if (new Intl.Locale(local.resolvedOptions().locale).language !== new Intl.Locale(uiLocale).language) local = null;
  } catch {
    local = null;
  }
  const collator = new Intl.Collator(uiLocale);
  return TIP_LANGUAGES.map((code) => {
    const own = endonym(code);
    const inUi = local?.of(code);
    return { code, own, label: inUi !== undefined && inUi.toLocaleLowerCase(uiLocale) !== own.toLocaleLowerCase(code) ? `${own} (${inUi})` : own };
  })
    .sort((a, b) => collator.compare(a.own, b.own))
    .map(({ code, label }) => ({ code, label }));
}
