import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
