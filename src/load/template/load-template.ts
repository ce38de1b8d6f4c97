import path from 'node:path';
import { error, warning, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import type { Loaded, Outline } from '../outline/load-outline.js';
import type { Layout } from '../outline/schema.js';
import { positionAt } from '../positions.js';
import { readSourceBytes, resolveInside } from '../read-source.js';
import { mapLayouts } from './map-layouts.js';
import { readTemplate } from './read-template.js';
import type { LayoutMapping, Template } from './template.js';
import { isCjkLanguage, templateEastAsianFont } from '../theme/template-theme.js';
import type { Theme } from '../theme/theme.js';

/** A company template is a few MB (its pictures); a larger one is refused before it is read. */
export const MAX_TEMPLATE_BYTES = 100 * 1024 * 1024;

/** The template the build uses, and which of its layouts serves each layout kind the outline uses. */
export interface LoadedTemplate {
  template: Template;
  layouts: LayoutMapping[];
  /** Where the template is named: the outline's `template:` line, or the file itself for `--template`. */
  at: SourceRef;
}

/** `--template FILE`: a path the user gave, relative to `cwd`, over the outline's `deck.template`. */
export interface TemplateChoice {
  template: string;
  cwd: string;
}

/**
 * Loads the outline's company template (`deck.template`, relative to the outline and inside its
 * folder, like a data file) or `choice` (`--template`, the user's own path), through the guarded
 * reader; reads and checks it, and maps the outline's layout kinds to its layouts. Nothing
 * (no value, no diagnostics) when neither names a template. Problems with a template the outline
 * names are located at its `template:` line; a fallback is a warning there.
 */
export async function loadTemplate(outline: Outline, choice?: TemplateChoice): Promise<Loaded<LoadedTemplate>> {
  const texts = new Map<string, string>();
  const named = outline.doc.deck.template;
  const ref = choice?.template ?? named;
  if (ref === undefined) return { diagnostics: [], texts };
  const from: SourceRef | undefined = choice ? undefined : positionAt(outline.positions, ['deck', 'template']);
  let file: string;
  if (choice) file = path.resolve(choice.cwd, choice.template);
  else {
    const inside = resolveInside(outline.dir, outline.dir, ref);
    if (!inside) {
      const hint = `a template named in the outline must be inside the outline's folder (${path.basename(outline.dir)}/); copy it there, or give it with --template`;
      return { diagnostics: [error('TEMPLATE_PATH_OUTSIDE_PROJECT', `template '${ref}' is outside the outline's folder`, from, hint)], texts };
    }
    file = inside;
  }
  const read = await readSourceBytes(
    file,
    'TEMPLATE',
    from,
    choice
      ? { ref, maxBytes: MAX_TEMPLATE_BYTES, relativeTo: 'the current folder' }
      : { ref, maxBytes: MAX_TEMPLATE_BYTES, relativeTo: "the outline's folder", within: [outline.dir], withinName: "the outline's folder" },
  );
  if (!read.ok) return { diagnostics: [read.diagnostic], texts };
  const parsed = readTemplate(read.bytes, file);
  // Located at the outline's `template:` line when the outline names it: the file is binary.
  const diagnostics = parsed.diagnostics.map((d) => (from ? { ...d, source: from } : d));
  if (!parsed.value) return { diagnostics, texts };
  const template = parsed.value;
  const at = from ?? { file };
  const kinds: Layout[] = outline.doc.slides.map((s) => s.layout);
  const mapped = mapLayouts(template, kinds, outline.doc.deck.templateLayouts ?? {}, {
    template: at,
    override: (kind) => positionAt(outline.positions, ['deck', 'templateLayouts', kind]),
  });
  diagnostics.push(...mapped.diagnostics);
  return { value: { template, layouts: mapped.mappings, at }, diagnostics, texts };
}

/**
 * A Chinese, Japanese or Korean deck on a template whose theme names no East Asian font that sets
 * those scripts (none, or a Latin one such as LibreOffice's DejaVu Sans): the build then sets the
 * text in the deck theme's East Asian font (`templateEastAsianFont`), which is not the company's.
 * Run once the deck's theme is loaded, so that the warning names the font the build will use.
 */
export function eastAsianFonts(loaded: LoadedTemplate, deckTheme: Theme, lang: string): Diagnostic[] {
  if (!isCjkLanguage(lang)) return [];
  const { major, minor } = loaded.template.theme.fonts;
  const used = templateEastAsianFont(loaded.template.theme, deckTheme, lang);
  if (used === major.eastAsian || used === minor.eastAsian) return [];
  const named = (f: string) => (f.trim() === '' ? 'none' : `'${f}'`);
  const script = /^ja/i.test(lang) ? 'Japanese' : /^ko/i.test(lang) ? 'Korean' : 'Chinese';
  return [
    warning(
      'TEMPLATE_NO_EAST_ASIAN_FONT',
      `the theme of ${path.basename(loaded.template.file)} names no East Asian font that sets ${script} (headings ${named(major.eastAsian)}, body ${named(minor.eastAsian)}), and the deck is in ${lang}: its ${script} text is set in '${used}', the briefdeck theme's East Asian font`,
      loaded.at,
      "set the company's East Asian theme fonts in the template (PowerPoint: Design → Variants → Fonts → Customize Fonts → Asian text) and save it again",
    ),
  ];
}
