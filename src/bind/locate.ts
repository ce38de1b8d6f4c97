/** A position inside a Handlebars template: 1-based line, 0-based column. */
export interface TemplateLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * Maps a position inside a YAML string's value to offsets in the file. The value and its
 * source differ (quotes, escapes, block indentation, folding), so the template's text at that
 * position is looked for in the source, counting earlier occurrences of the same text; where
 * it cannot be found, the whole string is the location.
 */
export function locateInScalar(source: string, scalar: readonly [number, number], template: string, loc: TemplateLoc): [number, number] {
  const start = offsetOf(template, loc.start);
  const end = Math.max(start + 1, offsetOf(template, loc.end));
  const snippet = template.slice(start, Math.min(end, start + 24)).split('\n')[0] ?? '';
  if (!snippet) return [scalar[0], scalar[1]];
  const raw = source.slice(scalar[0], scalar[1]);
  let seen = occurrencesBefore(template, snippet, start);
  let at = raw.indexOf(snippet);
  while (at >= 0 && seen > 0) {
    at = raw.indexOf(snippet, at + 1);
    seen--;
  }
  if (at < 0) return [scalar[0], scalar[1]];
  const from = scalar[0] + at;
  return [from, Math.min(scalar[1], from + (end - start))];
}

/** The offset in `text` of a Handlebars position (1-based line, 0-based column). */
export function offsetIn(text: string, pos: { line: number; column: number }): number {
  return offsetOf(text, pos);
}

function offsetOf(text: string, pos: { line: number; column: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < pos.line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  return Math.min(text.length, offset + pos.column);
}

function occurrencesBefore(text: string, snippet: string, before: number): number {
  let n = 0;
  for (let at = text.indexOf(snippet); at >= 0 && at < before; at = text.indexOf(snippet, at + 1)) n++;
  return n;
}
