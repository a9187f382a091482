import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '#shared/logger.ts';

describe('log lines', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('carry a timestamp rounded to the second, never milliseconds', () => {
    // Prepare
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-06-01T12:34:56.789Z'));
    const written: string[] = [];
    const capture = (chunk: string | Uint8Array): boolean => {
      written.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
    vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
    const logger = createLogger('logger-test');
    logger.setLogLevel('INFO');

    // Act
    logger.info('tip accepted', { stage: 'received', tipId: 'X' });

    // Assess
    const line = written.find((text) => text.includes('tip accepted'));
    expect(line).toBeDefined();
    const record = JSON.parse(line!) as { timestamp: string };
    expect(record.timestamp).toBe('2026-06-01T12:34:56Z');
  });
});
