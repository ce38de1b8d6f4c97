/**
 * Transpiles a TypeScript entry file and the relative imports it reaches into plain ESM that a
 * child `node` process can run, without tsx or a previous `tsc` build (so `lib/` may be stale or
 * absent). The output goes under `node_modules/.cache/`, so bare imports (`fflate`, `pptxgenjs`)
 * resolve to the project's node_modules.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Returns the folder holding the compiled files, laid out as in the repository. */
export function compileForNode(entries: readonly string[]): string {
  const cache = path.join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(path.join(cache, 'briefdeck-tests-'));
  const pending = entries.map((e) => path.resolve(repoRoot, e));
  const done = new Set<string>();
  while (pending.length > 0) {
    const source = pending.pop();
    if (!source || done.has(source)) continue;
    done.add(source);
    const text = readFileSync(source, 'utf8');
    const output = ts.transpileModule(text, {
      fileName: source,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const file = path.join(outDir, path.relative(repoRoot, source)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, output);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith('.')) pending.push(path.resolve(path.dirname(source), fileName).replace(/\.js$/, '.ts'));
    }
  }
  return outDir;
}
