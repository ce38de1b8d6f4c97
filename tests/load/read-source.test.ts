import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource, resolveInside } from '../../src/load/read-source.js';

describe('resolveInside', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-root-'));
    outside = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-outside-'));
    await mkdir(path.join(root, 'data'));
    await writeFile(path.join(root, 'data/a.yaml'), 'a: 1\n');
    await writeFile(path.join(outside, 'secret.csv'), 'x\n');
    await symlink(path.join(outside, 'secret.csv'), path.join(root, 'data/link.csv'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('resolves a path inside the folder, existing or not', () => {
    expect(resolveInside(root, root, 'data/a.yaml')).toBe(path.join(root, 'data/a.yaml'));
    expect(resolveInside(root, path.join(root, 'data'), 'b.csv')).toBe(path.join(root, 'data/b.csv'));
    expect(resolveInside(root, root, 'data/..x.yaml')).toBe(path.join(root, 'data/..x.yaml'));
  });

  it('refuses paths that leave it: .., absolute paths, the folder itself, a link that points out', () => {
    expect(resolveInside(root, root, '../../etc/passwd')).toBeUndefined();
    expect(resolveInside(root, path.join(root, 'data'), '../../x.csv')).toBeUndefined();
    expect(resolveInside(root, root, '/etc/passwd')).toBeUndefined();
    expect(resolveInside(root, root, '.')).toBeUndefined();
    expect(resolveInside(root, root, 'data/link.csv')).toBeUndefined();
  });

  it('reads a file, and says why it cannot: missing (with a near name), a folder, too large', async () => {
    expect(await readSource(path.join(root, 'data/a.yaml'), 'DATA')).toEqual({ ok: true, file: path.join(root, 'data/a.yaml'), text: 'a: 1\n' });
    expect(await readSource(path.join(root, 'data/b.yaml'), 'DATA', undefined, { ref: 'data/b.yaml' })).toMatchObject({
      ok: false,
      diagnostic: { code: 'DATA_FILE_NOT_FOUND', hint: "did you mean 'data/a.yaml'?" },
    });
    expect(await readSource(path.join(root, 'data'), 'DATA')).toMatchObject({ ok: false, diagnostic: { code: 'DATA_NOT_A_FILE' } });
    expect(await readSource(path.join(root, 'data/a.yaml'), 'OUTLINE', undefined, { maxBytes: 2 })).toMatchObject({ ok: false, diagnostic: { code: 'OUTLINE_TOO_LARGE' } });
  });
});
