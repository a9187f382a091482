import { spawnSync } from 'node:child_process';

/**
 * Runs `code` (an ES module) in a fresh Node process and returns the last line
 * it prints, parsed as JSON: cold-start measurements must not share a warm
 * module cache with the bench itself.
 */
export function inFreshProcess<T>(code: string, options: { what: string; cwd: string; env?: NodeJS.ProcessEnv; flags?: readonly string[] }): T {
  const r = spawnSync(process.execPath, [...(options.flags ?? []), '--input-type=module', '-e', code], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${options.what} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}
