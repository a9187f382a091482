import { createLogger } from '#shared/logger.ts';
import { DEFAULT_DATA_DIR, startLocalStack } from './stack.ts';

/**
 * `npm start`: the whole pipeline on this machine. State lives under .local/
 * so stopping (Ctrl-C or kill -9) and starting again loses nothing: tips that
 * were acknowledged are either stored or still on their queue.
 */
const logger = createLogger('local');
const port = Number(process.env.PORT ?? 3000);

const visibility = process.env.TIPLINE_VISIBILITY_TIMEOUT;
const stack = await startLocalStack(
  {
    port,
    dataDir: process.env.TIPLINE_DATA_DIR ?? DEFAULT_DATA_DIR,
    // Only for a fresh data dir: queues keep the timeout they were created with.
    ...(visibility === undefined ? {} : { visibilityTimeoutSeconds: Number(visibility) }),
  },
  logger,
);
logger.info('Tipline local stack ready', {
  url: stack.url,
  health: `${stack.url}/health`,
  objects: `${stack.url}/objects`,
  token: 'npm run --silent token -- --groups PT',
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('stopping local stack', { signal });
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  await stack.stop();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
