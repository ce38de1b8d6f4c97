import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeTemplate, formatTemplateDescription } from '../load/template/describe-template.js';
import { MAX_TEMPLATE_BYTES } from '../load/template/load-template.js';
import { readTemplate } from '../load/template/read-template.js';
import { readSourceBytes } from '../load/read-source.js';

/**
 * `briefdeck template inspect FILE`: the template as a build would use it (masters, layouts,
 * placeholders, slide size, theme, which layout serves each layout kind, what is missing), as
 * text or JSON; or the diagnostics of a file that is not a usable template. FILE is the user's
 * path, read through the guarded reader (a regular file, the template size limit).
 */
export async function inspectTemplate(file: string, ref: string, format: 'text' | 'json'): Promise<{ output?: string; diagnostics: Diagnostic[] }> {
  const read = await readSourceBytes(file, 'TEMPLATE', undefined, { ref, maxBytes: MAX_TEMPLATE_BYTES, relativeTo: 'the current folder' });
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const parsed = readTemplate(read.bytes, file);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const description = describeTemplate(parsed.value);
  return { output: format === 'json' ? `${JSON.stringify(description, null, 2)}\n` : formatTemplateDescription(description), diagnostics: parsed.diagnostics };
}
