import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { formatReport } from '../../src/manifest/format-report.js';
import { copyProject, outlineSlides } from './project.js';

describe('a rebuild after a slide was inserted and another removed', () => {
  const project = copyProject('briefdeck-insert-');
  afterAll(() => project.remove());

  it('reports one slide added and one removed, and every other slide unchanged', async () => {
    const first = await buildDeck({ outline: project.outline, cwd: project.dir });
    const slides = first.stats.slides;
    // A new slide where the agenda was (before it); the last takeaways slide (the implications) goes.
    const added = outlineSlides().find((s) => s.layout === 'agenda')?.number ?? 0;
    project.edit('briefing.yaml', '  - layout: agenda\n', '  - layout: bullets\n    title: 新增的一頁\n    bullets: [一個新的要點]\n  - layout: agenda\n');
    const text = project.read('briefing.yaml');
    const start = text.lastIndexOf('  - layout: takeaways');
    const end = text.indexOf('  - layout: sources');
    project.write('briefing.yaml', text.slice(0, start) + text.slice(end));

    const second = await buildDeck({ outline: project.outline, cwd: project.dir });
    const report = second.report!;
    expect(report.added).toEqual([added]);
    expect(report.removed).toHaveLength(1);
    // The sources slide lists the same datasets; only the added and removed slides differ.
    expect(report.changed).toEqual([]);
    expect(report.unchanged).toBe(slides - 1);
    expect(formatReport(report, second.deck!.locale)).toContain(`新增投影片：${added}`);
  }, 120_000);
});
