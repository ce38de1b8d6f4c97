import { parseXml, type XmlElement } from '../../src/pptx/xml/xml.js';

/**
 * A part's XML one element a line, indented by depth, attributes in document order: a stable
 * form whose diff shows which shape moved, resized, changed colour or text. An element holding
 * only text stays on one line, its text exactly as written.
 */
export function prettyXml(xml: string): string {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(`not well-formed at ${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
  const lines: string[] = [];
  writeElement(parsed.document.root, 0, lines);
  return `${lines.join('\n')}\n`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };

function writeElement(el: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${el.name}${el.attributes.map((a) => ` ${a.name}="${a.value.replace(/[&<"]/g, (c) => ESCAPES[c] ?? c)}"`).join('')}`;
  if (el.children.length === 0) {
    lines.push(`${open}/>`);
    return;
  }
  if (el.children.every((c) => c.kind !== 'element')) {
    lines.push(`${open}>${el.children.map((c) => c.raw).join('')}</${el.name}>`);
    return;
  }
  lines.push(`${open}>`);
  for (const child of el.children) {
    if (child.kind === 'element') writeElement(child, depth + 1, lines);
    else if (child.raw.trim()) lines.push(`${indent}  ${child.raw}`);
  }
  lines.push(`${indent}</${el.name}>`);
}
