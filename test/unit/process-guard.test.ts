import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closeReason, MAX_CLOSE_REASON_BYTES } from '../../src/transports/ws.js';

describe('process guard', () => {
  it('logs and counts an unhandled rejection instead of letting it end the process', async () => {
    // Asynchronously: a synchronous wait would block this worker's own messages while tsx compiles.
    // A non-zero exit rejects, with the child's output in the error.
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/fixtures/unhandled-rejection.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { PATH: process.env['PATH'] ?? '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    const logged = lines.find((l) => l['msg'] === 'unhandled promise rejection');
    expect(logged).toMatchObject({ level: 'error', err: { type: 'Error', message: 'injected failure for the process guard' } });
    expect(logged!['err']['stack']).toContain('unhandled-rejection.ts');
    expect(lines.find((l) => l['msg'] === 'report')).toEqual({ msg: 'report', counted: 1 });
  }, 40_000);
});

describe('WebSocket close reasons', () => {
  it('fit the 123 bytes the protocol allows, cut on a character boundary', () => {
    const long = `FORBIDDEN: No installation is connected for location ${'ü'.repeat(200)}`;
    const reason = closeReason(long);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    expect(reason.startsWith('FORBIDDEN: No installation')).toBe(true);
    expect(reason).not.toContain('\uFFFD');
    expect(closeReason('UNAUTHENTICATED: short')).toBe('UNAUTHENTICATED: short');
  });
});
