import path from 'node:path';
import type { Box } from '../../layout/types.js';
import type { Layout } from '../outline/schema.js';
import { templateEastAsianFont } from '../theme/template-theme.js';
import type { Theme } from '../theme/theme.js';
import { LAYOUT_KIND_ORDER, mapLayouts, wantedBy } from './map-layouts.js';
import type { LayoutMapping, Template, TemplatePlaceholder } from './template.js';

/** What `briefdeck template inspect --format json` prints: the template as the build sees it. */
export interface TemplateDescription {
  file: string;
  slide: { w: number; h: number };
  theme: Template['theme'];
  masters: {
    part: string;
    themePart: string;
    placeholders: PlaceholderDescription[];
    layouts: { part: string; name: string; type?: string; placeholders: PlaceholderDescription[] }[];
  }[];
  /** Every layout kind: the layout it maps to (of the first master with layouts), and how. */
  kinds: { kind: Layout; layout: string; part: string; how: LayoutMapping['how'] }[];
  /** What the template lacks: a layout kind that falls back, East Asian theme fonts. */
  missing: string[];
}

interface PlaceholderDescription {
  type: string;
  idx: number;
  name: string;
  /** Inches, to two decimals; absent when neither the layout nor the master gives a box. */
  box?: Box;
}

/** The description of `template` for `template inspect`: boxes in inches to two decimals, every kind mapped. */
export function describeTemplate(template: Template): TemplateDescription {
  const { mappings } = mapLayouts(template, LAYOUT_KIND_ORDER);
  const missing = mappings.filter((m) => m.how === 'fallback').map((m) => `${m.kind}: no layout with ${wantedBy(m.kind)}; uses '${m.layout.name || m.layout.part}'`);
  if (!setsCjk(template)) missing.push("East Asian theme fonts: none sets Chinese, Japanese or Korean (a CJK deck is set in the briefdeck theme's, with TEMPLATE_NO_EAST_ASIAN_FONT)");
  return {
    file: path.basename(template.file),
    slide: { w: round(template.slide.w), h: round(template.slide.h) },
    theme: template.theme,
    masters: template.masters.map((m) => ({
      part: m.part,
      themePart: m.themePart,
      placeholders: m.placeholders.map(placeholder),
      layouts: m.layouts.map((l) => ({ part: l.part, name: l.name, ...(l.type ? { type: l.type } : {}), placeholders: l.placeholders.map(placeholder) })),
    })),
    kinds: mappings.map((m) => ({ kind: m.kind, layout: m.layout.name, part: m.layout.part, how: m.how })),
    missing,
  };
}

const HOW: Readonly<Record<LayoutMapping['how'], string>> = {
  outline: 'named in the outline',
  name: 'by its name',
  placeholders: 'by its placeholders',
  fallback: 'fallback: nothing fits better',
};

/** The description as plain text: one line a placeholder, a layout, a kind. */
export function formatTemplateDescription(d: TemplateDescription): string {
  const lines: string[] = [];
  lines.push(`template ${d.file}`);
  lines.push(`slide size ${fixed(d.slide.w)} × ${fixed(d.slide.h)} in (${ratio(d.slide)})`);
  lines.push('theme colours');
  const colors = Object.entries(d.theme.colors).map(([slot, value]) => `${slot} ${value}`);
  for (let k = 0; k < colors.length; k += 4) lines.push(`  ${colors.slice(k, k + 4).join('   ')}`);
  const font = (f: { latin: string; eastAsian: string }) => `${f.latin || '(none)'}, East Asian ${f.eastAsian || '(none)'}`;
  lines.push('theme fonts');
  lines.push(`  headings ${font(d.theme.fonts.major)}`);
  lines.push(`  body     ${font(d.theme.fonts.minor)}`);
  d.masters.forEach((m, i) => {
    lines.push('');
    lines.push(`master ${i + 1}  ${m.part}  (theme ${m.themePart})`);
    for (const p of m.placeholders) lines.push(`    ${placeholderLine(p)}`);
    m.layouts.forEach((l, j) => {
      lines.push(`  layout ${i + 1}.${j + 1}  '${l.name}'${l.type ? `  type ${l.type}` : ''}  ${l.part}`);
      for (const p of l.placeholders) lines.push(`    ${placeholderLine(p)}`);
    });
  });
  lines.push('');
  lines.push('layout kinds');
  const width = Math.max(...d.kinds.map((k) => k.kind.length));
  for (const k of d.kinds) lines.push(`  ${k.kind.padEnd(width)}  → '${k.layout}'  ${k.part}  (${HOW[k.how]})`);
  lines.push('');
  lines.push(d.missing.length ? 'missing' : 'missing: nothing');
  for (const m of d.missing) lines.push(`  ${m}`);
  return `${lines.join('\n')}\n`;
}

/** Whether a CJK deck would be set in the template's own East Asian font: the build's own test, with a deck theme that names none. */
function setsCjk(template: Template): boolean {
  const none = '';
  const standIn = { fonts: { eastAsian: none, latin: none } } as unknown as Theme;
  return templateEastAsianFont(template.theme, standIn, 'zh') !== none;
}

function placeholderLine(p: PlaceholderDescription): string {
  const box = p.box ? `at ${fixed(p.box.x)}, ${fixed(p.box.y)}  size ${fixed(p.box.w)} × ${fixed(p.box.h)}` : 'no box';
  return `${p.type.padEnd(8)} idx ${String(p.idx).padEnd(3)} ${`'${p.name}'`.padEnd(30)} ${box}`;
}

function placeholder(p: TemplatePlaceholder): PlaceholderDescription {
  return { type: p.type, idx: p.idx, name: p.name, ...(p.box ? { box: { x: round(p.box.x), y: round(p.box.y), w: round(p.box.w), h: round(p.box.h) } } : {}) };
}

function ratio(slide: { w: number; h: number }): string {
  const r = slide.w / slide.h;
  for (const [name, value] of [
    ['16:9', 16 / 9],
    ['16:10', 16 / 10],
    ['4:3', 4 / 3],
    ['A4', 297 / 210],
  ] as const) {
    if (Math.abs(r - value) < 0.01) return name;
  }
  return `${r.toFixed(2)}:1`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function fixed(n: number): string {
  return n.toFixed(2);
}
