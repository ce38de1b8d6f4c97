import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A project in `lang`: a ranking of `names` drawn as a picture on slide 2 and, with `native`, as
 * a native chart of scores on slide 3; returns the outline file.
 */
export function chartProject(lang: string, names: readonly string[], options: { native?: boolean; theme?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-fonts-'));
  mkdirSync(path.join(dir, 'data'));
  if (options.theme !== undefined) {
    mkdirSync(path.join(dir, 'templates', 'themes'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'themes', 'custom.yaml'), options.theme);
  }
  const entries = names.map((n, i) => `        - { rank: ${i + 1}, name: "${n}", group: a, score: ${(names.length - i) * 1000} }`).join('\n');
  writeFileSync(
    path.join(dir, 'data', 'r.yaml'),
    `web:\n  type: ranking\n  title: Web\n  size: 10\n  groups: { a: { label: A } }\n  source: { publisher: P, title: T }\n  editions:\n    - asOf: "2025-03"\n      entries:\n${entries}\n`,
  );
  writeFileSync(
    path.join(dir, 'outline.yaml'),
    `deck:\n  title: Deck\n  date: "2025-03-10"\n  lang: ${lang}\n${options.theme !== undefined ? '  theme: custom\n' : ''}data:\n  r: data/r.yaml\nslides:\n  - layout: title\n    title: Deck\n  - layout: chart\n    title: Ranking\n    chart: { kind: ranking, data: r.web }\n    takeaway: T\n    notes: N\n${options.native ? '  - layout: chart\n    title: Scores\n    chart: { kind: ranking, data: r.web, render: native }\n    takeaway: T\n    notes: N\n' : ''}`,
  );
  return path.join(dir, 'outline.yaml');
}

/** The offset of the chart's slide in the outline (where its chart's diagnostics point). */
export function chartOffset(text: string): number {
  return text.indexOf('layout: chart');
}
