import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mintToken, type KeyPair } from '#local/jwt.ts';

/**
 * Debian's Chromium (.ci/run installs it). The browser tier never skips: a
 * machine without it fails these suites with the reason, not a quiet green.
 */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium as this machine needs it: no sandbox (root), and none of
 * the background networking that a closed network would refuse.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium, as .ci/run does) to run the browser tests`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const AXE_SCRIPT = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page (or inside one
 * element), as readable lines: `id (impact): help at target, …`. axe is
 * injected as a script tag, so the page's context must bypass the CSP (the
 * CSP itself is checked by the tests that run without the bypass).
 */
export async function seriousViolations(page: Page, within = 'document'): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const root = within === 'document' ? 'document' : `document.querySelector(${JSON.stringify(within)})`;
  const violations = (await page.evaluate(
    `axe.run(${root}, { resultTypes: ['violations'] }).then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })))`,
  )) as { id: string; impact: string; help: string; targets: string[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * A console page signed in with a local token for `groups` (Cognito's claims, local/jwt.ts), once
 * `readySelector` is drawn. Script errors and CSP refusals on the page are pushed to `problems`,
 * which the suites assert empty at the end.
 */
export async function signedInConsole(
  context: BrowserContext,
  keys: KeyPair,
  user: { readonly groups: string[]; readonly username: string },
  readySelector: string,
  problems: string[],
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  const token = await mintToken(keys, { groups: user.groups, username: user.username, sub: `sub-${user.username}` });
  // In English whatever the browser's languages: the tests read the English labels (test/e2e/console-i18n.test.ts covers the others).
  await page.goto('/console?lang=en');
  await page.locator('#token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(readySelector).waitFor();
  return page;
}
