import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceDateEpoch } from '../../src/cli/source-date-epoch.js';
import { documentDate } from '../../src/build.js';
import { hasCompiledCli, spawnCli } from './spawn-cli.js';

describe('SOURCE_DATE_EPOCH', () => {
  it('is unset, or whole seconds up to the end of 9999', () => {
    expect(parseSourceDateEpoch(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseSourceDateEpoch('0')).toEqual({ ok: true, value: 0 });
    expect(parseSourceDateEpoch('1741564800')).toEqual({ ok: true, value: 1741564800 });
    expect(parseSourceDateEpoch('253402300799')).toEqual({ ok: true, value: 253402300799 });
    for (const bad of ['', 'abc', '-5', '1.5', ' 17', '1e9', '253402300800', '99999999999999']) expect(parseSourceDateEpoch(bad), bad).toMatchObject({ ok: false });
    expect(documentDate('2025-03-10', 253402300799).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(() => documentDate('2025-03-10', 99999999999999)).toThrow(RangeError);
  });

  for (const value of ['abc', '-5', '', '99999999999999']) {
    it(`${JSON.stringify(value)}: build says what is wrong, exits 2 and writes nothing`, (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-sde-')), 'deck.pptx');
      const run = spawnCli(['build', '-o', out], { env: { SOURCE_DATE_EPOCH: value }, timeoutMs: 20_000 });
      expect(run.signal).toBeNull();
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(`SOURCE_DATE_EPOCH=${JSON.stringify(value)}`);
      expect(run.stderr).toMatch(/whole seconds since 1970-01-01 UTC/);
      expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(existsSync(out)).toBe(false);
    }, 25_000);
  }
});
