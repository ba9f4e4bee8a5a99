// What an in-process `main([...])` writes to stdout and stderr, for CLI tests; undone by vi.restoreAllMocks().
import { vi } from 'vitest';

export function captureOutput(): { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8'));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8'));
    return true;
  });
  return { out: () => out.join(''), err: () => err.join('') };
}
