import './zod-config.ts';
import * as z from 'zod/mini';

/**
 * A machine translation kept beside the tip's original text (which is never replaced), under
 * `machineTranslations.<target>` on the tip: whoever reads it is told it is a machine's work.
 */
export const MachineTranslation = z.object({
  text: z.string(),
  /** The Amazon Translate code of the language translated from: the investigator's choice, else the tip's declared, else its detected language. */
  sourceLanguage: z.string(),
  machineTranslated: z.literal(true),
  engine: z.literal('amazon-translate'),
  /** When it was made, to the second. */
  at: z.string(),
});
export type MachineTranslation = z.infer<typeof MachineTranslation>;

/** Why a translation could not be made; the tip and its original are untouched either way. */
// 'language-not-detected' stays for answers made before the source language was sent explicitly.
export const TRANSLATION_FAILURES = ['translation-off', 'unsupported-language', 'language-not-detected', 'unavailable'] as const;
export type TranslationFailure = (typeof TRANSLATION_FAILURES)[number];
