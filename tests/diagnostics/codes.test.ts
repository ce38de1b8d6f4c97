import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, diagnosticCodesMarkdown } from '../../src/diagnostics/codes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('diagnostic codes', () => {
  it('has its reference page in step (npm run docs writes it)', () => {
    expect(readFileSync(path.join(root, 'docs/diagnostics.md'), 'utf8')).toBe(diagnosticCodesMarkdown());
  });

  it('lists only codes that some stage reports', () => {
    const code = sources(path.join(root, 'src'))
      .filter((f) => !f.endsWith(path.join('diagnostics', 'codes.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(DIAGNOSTIC_CODES).filter((c) => {
      if (code.includes(`'${c}'`)) return false;
      // File-level codes are made from a prefix and one of these suffixes.
      const suffix = /^(OUTLINE|DATA|TEMPLATE)_(.+)$/.exec(c)?.[2];
      return !(suffix && (code.includes(`'${suffix}'`) || code.includes(`\${prefix}_${suffix}\``)));
    });
    expect(unused).toEqual([]);
  });

  it('describes every code in one line', () => {
    for (const [c, text] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(c).toMatch(/^(OUTLINE|DATA|TEMPLATE|TEXT|LAYOUT|CHART|PPTX|WRITE|MERGE|WATCH|CLI)_[A-Z0-9_]+$/);
      expect(text.length, c).toBeGreaterThan(10);
      expect(text, c).not.toContain('\n');
    }
  });
});
