/**
 * A small, strict XML 1.0 parser and serializer for the parts of an OOXML package.
 *
 * Strict on purpose: `checkPackage` uses it to decide whether a part is well-formed (and
 * namespace-well-formed), and `finishPackage` edits parts as trees instead of with regular
 * expressions. OOXML parts may not contain a DTD (ECMA-376 Part 2, §8.1.4), so none is parsed:
 * only the five predefined entities exist.
 */
import { lineColumn } from '../../diagnostics/line-column.js';
import { FORBIDDEN_XML_CHARACTER } from '../../text/clean-text.js';

export { FORBIDDEN_XML_CHARACTER };

export interface XmlAttribute {
  name: string;
  /** The value after entity decoding and attribute-value normalization. */
  value: string;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

/** Character data exactly as written in the source (entities still escaped). */
export interface XmlText {
  kind: 'text';
  raw: string;
}

/** A comment, CDATA section or processing instruction, kept verbatim. */
export interface XmlMarkup {
  kind: 'markup';
  raw: string;
}

export type XmlNode = XmlElement | XmlText | XmlMarkup;

export interface XmlDocument {
  /** Everything before the root element (XML declaration, whitespace, comments), verbatim. */
  prolog: string;
  root: XmlElement;
  /** Everything after the root element, verbatim. */
  epilog: string;
}

export interface XmlSyntaxError {
  /** UTF-16 offset into the text. */
  offset: number;
  line: number;
  column: number;
  message: string;
  /** The error is a character XML 1.0 does not allow (raw or as a character reference). */
  forbiddenCharacter: boolean;
}

export type XmlParseResult = { ok: true; document: XmlDocument } | { ok: false; error: XmlSyntaxError };

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
/** A qualified name: NCName, optionally prefixed. */
const QNAME = new RegExp(`${NCNAME}(?::${NCNAME})?`, 'uy');
/** `FORBIDDEN_XML_CHARACTER` (defined once, in text/clean-text.ts), every one. */
export const FORBIDDEN_XML_CHARACTERS = new RegExp(FORBIDDEN_XML_CHARACTER.source, 'gu');

/**
 * `s` without the characters XML 1.0 does not allow. Every string that goes into a part passes
 * here, wherever it came from (outline, data, theme, file names): the serializer runs every
 * attribute value and text node through it, and the finish stage every part pptxgenjs wrote.
 */
export function withoutForbiddenCharacters(s: string): string {
  return FORBIDDEN_XML_CHARACTER.test(s) ? s.replace(FORBIDDEN_XML_CHARACTERS, '') : s;
}
const XML_DECLARATION =
  /<\?xml\s+version\s*=\s*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:\s+encoding\s*=\s*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:\s+standalone\s*=\s*(?:"(?:yes|no)"|'(?:yes|no)'))?\s*\?>/y;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly forbiddenCharacter = false,
  ) {
    super(message);
  }
}

type Scope = ReadonlyMap<string, string>;

/** Parses a whole XML document; never throws for bad input. */
export function parseXml(text: string): XmlParseResult {
  try {
    return { ok: true, document: new Parser(text).document() };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    const { line, column } = lineColumn(text, e.offset);
    return {
      ok: false,
      error: { offset: e.offset, line, column, message: e.message, forbiddenCharacter: e.forbiddenCharacter },
    };
  }
}

class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  document(): XmlDocument {
    const forbidden = FORBIDDEN_XML_CHARACTER.exec(this.s);
    if (forbidden) {
      const code = forbidden[0].codePointAt(0) ?? 0;
      throw new SyntaxFailure(forbidden.index, `character U+${hex(code)} is not allowed in XML 1.0`, true);
    }
    if (this.s.charCodeAt(0) === 0xfeff) this.i = 1;
    const prologStart = this.i;
    if (this.s.startsWith('<?xml', this.i) && /[\s?]/.test(this.s.charAt(this.i + 5))) {
      XML_DECLARATION.lastIndex = this.i;
      if (!XML_DECLARATION.test(this.s)) this.fail('malformed XML declaration');
      this.i = XML_DECLARATION.lastIndex;
    }
    this.misc();
    if (this.s.charAt(this.i) !== '<') this.fail(this.i >= this.s.length ? 'no root element' : 'text before the root element');
    const prolog = this.s.slice(prologStart, this.i);
    const root = this.elementTree();
    const epilogStart = this.i;
    this.misc();
    if (this.i < this.s.length) {
      this.fail(this.s.charAt(this.i) === '<' ? 'a second root element' : 'text after the root element');
    }
    return { prolog, root, epilog: this.s.slice(epilogStart) };
  }

  /** Whitespace, comments and processing instructions outside the root element. */
  private misc(): void {
    for (;;) {
      while (isXmlSpace(this.s.charCodeAt(this.i))) this.i++;
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<?', this.i)) this.processingInstruction();
      else if (this.s.startsWith('<!DOCTYPE', this.i)) this.fail('a DTD (<!DOCTYPE>) is not allowed in an OOXML part');
      else return;
    }
  }

  private elementTree(): XmlElement {
    const rootTag = this.startTag(new Map([['xml', XML_NAMESPACE]]));
    if (rootTag.selfClosing) return rootTag.element;
    const stack: { element: XmlElement; scope: Scope; offset: number }[] = [rootTag];
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('unreachable: empty element stack');
      const textStart = this.i;
      const lt = this.s.indexOf('<', this.i);
      const textEnd = lt < 0 ? this.s.length : lt;
      if (textEnd > textStart) {
        this.checkCharData(textStart, textEnd);
        top.element.children.push({ kind: 'text', raw: this.s.slice(textStart, textEnd) });
      }
      this.i = textEnd;
      if (lt < 0) this.fail(`<${top.element.name}> is never closed`, top.offset);
      if (this.s.startsWith('</', this.i)) {
        this.endTag(top.element.name);
        stack.pop();
        if (stack.length === 0) return rootTag.element;
      } else if (this.s.startsWith('<!--', this.i)) {
        top.element.children.push({ kind: 'markup', raw: this.comment() });
      } else if (this.s.startsWith('<![CDATA[', this.i)) {
        top.element.children.push({ kind: 'markup', raw: this.cdata() });
      } else if (this.s.startsWith('<?', this.i)) {
        top.element.children.push({ kind: 'markup', raw: this.processingInstruction() });
      } else if (this.s.startsWith('<!', this.i)) {
        this.fail('unexpected markup declaration inside an element');
      } else {
        const child = this.startTag(top.scope);
        top.element.children.push(child.element);
        if (!child.selfClosing) stack.push(child);
      }
    }
  }

  private startTag(parentScope: Scope): { element: XmlElement; scope: Scope; offset: number; selfClosing: boolean } {
    const offset = this.i;
    this.i++; // '<'
    const name = this.qname('an element name');
    const attributes: XmlAttribute[] = [];
    const attributeOffsets: number[] = [];
    let selfClosing = false;
    for (;;) {
      const hadSpace = this.skipSpace();
      const c = this.s.charAt(this.i);
      if (c === '>') {
        this.i++;
        break;
      }
      if (c === '/') {
        if (this.s.charAt(this.i + 1) !== '>') this.fail("expected '>' after '/'");
        this.i += 2;
        selfClosing = true;
        break;
      }
      if (this.i >= this.s.length) this.fail(`start tag <${name}> is not closed`, offset);
      if (!hadSpace) this.fail(`expected whitespace, '>' or '/>' in <${name}>`);
      const attributeOffset = this.i;
      const attributeName = this.qname('an attribute name');
      this.skipSpace();
      if (this.s.charAt(this.i) !== '=') this.fail(`expected '=' after attribute ${attributeName}`);
      this.i++;
      this.skipSpace();
      const value = this.attributeValue();
      if (attributes.some((a) => a.name === attributeName)) {
        this.fail(`attribute ${attributeName} appears twice in <${name}>`, attributeOffset);
      }
      attributes.push({ name: attributeName, value });
      attributeOffsets.push(attributeOffset);
    }
    const scope = this.declareNamespaces(parentScope, attributes, attributeOffsets);
    this.checkPrefixes(name, attributes, attributeOffsets, scope, offset);
    return { element: { kind: 'element', name, attributes, children: [] }, scope, offset, selfClosing };
  }

  private declareNamespaces(parent: Scope, attributes: readonly XmlAttribute[], offsets: readonly number[]): Scope {
    let scope: Map<string, string> | undefined;
    attributes.forEach((a, k) => {
      const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : undefined;
      if (prefix === undefined) return;
      const at = offsets[k] ?? this.i;
      if (prefix === 'xmlns') this.fail('the prefix xmlns cannot be declared', at);
      if (prefix !== '' && a.value === '') this.fail(`namespace prefix ${prefix} is bound to an empty name`, at);
      if ((prefix === 'xml') !== (a.value === XML_NAMESPACE)) this.fail('the xml prefix and its namespace go together', at);
      if (a.value === XMLNS_NAMESPACE) this.fail('the xmlns namespace cannot be declared', at);
      scope ??= new Map(parent);
      scope.set(prefix, a.value);
    });
    return scope ?? parent;
  }

  private checkPrefixes(name: string, attributes: readonly XmlAttribute[], offsets: readonly number[], scope: Scope, offset: number): void {
    const elementPrefix = prefixOf(name);
    if (elementPrefix === 'xmlns') this.fail(`element <${name}> uses the reserved prefix xmlns`, offset);
    if (elementPrefix !== '' && !scope.has(elementPrefix)) {
      this.fail(`namespace prefix ${elementPrefix} on <${name}> is not declared`, offset);
    }
    const expanded = new Set<string>();
    attributes.forEach((a, k) => {
      const prefix = prefixOf(a.name);
      if (a.name === 'xmlns' || prefix === 'xmlns') return;
      if (prefix !== '' && !scope.has(prefix)) {
        this.fail(`namespace prefix ${prefix} on attribute ${a.name} is not declared`, offsets[k]);
      }
      const key = prefix === '' ? a.name : `{${scope.get(prefix) ?? ''}}${a.name.slice(prefix.length + 1)}`;
      if (expanded.has(key)) this.fail(`attribute ${a.name} appears twice in <${name}> (same namespace)`, offsets[k]);
      expanded.add(key);
    });
  }

  private endTag(expected: string): void {
    const offset = this.i;
    this.i += 2;
    const name = this.qname('an element name');
    this.skipSpace();
    if (this.s.charAt(this.i) !== '>') this.fail(`expected '>' to end </${name}>`);
    this.i++;
    if (name !== expected) this.fail(`</${name}> does not match <${expected}>`, offset);
  }

  private attributeValue(): string {
    const quote = this.s.charAt(this.i);
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
    const start = this.i + 1;
    const end = this.s.indexOf(quote, start);
    if (end < 0) this.fail('attribute value is not closed');
    const lt = this.s.indexOf('<', start);
    if (lt >= 0 && lt < end) this.fail("'<' is not allowed in an attribute value", lt);
    const value = this.decodeReferences(start, end, true);
    this.i = end + 1;
    return value;
  }

  /** Checks character data: references must be well-formed, `]]>` may not appear. */
  private checkCharData(start: number, end: number): void {
    const cdataEnd = this.s.indexOf(']]>', start);
    if (cdataEnd >= 0 && cdataEnd < end) this.fail("']]>' is not allowed in text", cdataEnd);
    if (this.s.indexOf('&', start) >= 0) this.decodeReferences(start, end, false);
  }

  private decodeReferences(start: number, end: number, normalizeSpace: boolean): string {
    // Attribute-value normalization applies to literal whitespace only, not to `&#10;` and the like.
    const literal = (from: number, to: number): string => {
      const raw = this.s.slice(from, to);
      return normalizeSpace ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
    };
    let out = '';
    let from = start;
    for (let amp = this.s.indexOf('&', start); amp >= 0 && amp < end; amp = this.s.indexOf('&', from)) {
      out += literal(from, amp);
      const semi = this.s.indexOf(';', amp);
      if (semi < 0 || semi >= end) this.fail("'&' must start an entity or character reference (write &amp;)", amp);
      out += this.reference(this.s.slice(amp + 1, semi), amp);
      from = semi + 1;
    }
    return out + literal(from, end);
  }

  private reference(body: string, at: number): string {
    if (body.startsWith('#')) {
      const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (!m) this.fail(`malformed character reference &${body};`, at);
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] ?? '', 10);
      const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '';
      if (ch === '' || FORBIDDEN_XML_CHARACTER.test(ch)) {
        throw new SyntaxFailure(at, `character reference &${body}; names a character XML 1.0 does not allow`, true);
      }
      return ch;
    }
    const entity = PREDEFINED_ENTITIES[body];
    if (entity === undefined) this.fail(`undefined entity &${body};`, at);
    return entity;
  }

  private comment(): string {
    const start = this.i;
    const end = this.s.indexOf('-->', start + 4);
    if (end < 0) this.fail('comment is not closed', start);
    const body = this.s.slice(start + 4, end);
    if (body.includes('--') || body.endsWith('-')) this.fail("'--' is not allowed inside a comment", start);
    this.i = end + 3;
    return this.s.slice(start, this.i);
  }

  private cdata(): string {
    const start = this.i;
    const end = this.s.indexOf(']]>', start + 9);
    if (end < 0) this.fail('CDATA section is not closed', start);
    this.i = end + 3;
    return this.s.slice(start, this.i);
  }

  private processingInstruction(): string {
    const start = this.i;
    this.i += 2;
    const target = this.qname('a processing-instruction target');
    if (target.toLowerCase() === 'xml') this.fail('the XML declaration is only allowed at the very start', start);
    const end = this.s.indexOf('?>', this.i);
    if (end < 0) this.fail('processing instruction is not closed', start);
    if (end > this.i && !isXmlSpace(this.s.charCodeAt(this.i))) this.fail('expected whitespace after the target');
    this.i = end + 2;
    return this.s.slice(start, this.i);
  }

  private qname(what: string): string {
    QNAME.lastIndex = this.i;
    const m = QNAME.exec(this.s);
    if (!m) this.fail(`expected ${what}`);
    this.i = QNAME.lastIndex;
    if (this.s.charAt(this.i) === ':') this.fail(`${what} may contain at most one ':'`);
    return m[0];
  }

  private skipSpace(): boolean {
    const start = this.i;
    while (isXmlSpace(this.s.charCodeAt(this.i))) this.i++;
    return this.i > start;
  }

  private fail(message: string, offset = this.i): never {
    throw new SyntaxFailure(offset, message);
  }
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** `a:latin` → `a`; `val` → ``. */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon);
}

// ---------------------------------------------------------------------------------------------
// Serializing

export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [doc.prolog];
  writeElement(doc.root, out);
  out.push(doc.epilog);
  return out.join('');
}

function writeElement(el: XmlElement, out: string[]): void {
  out.push('<', el.name);
  for (const a of el.attributes) out.push(' ', a.name, '="', escapeAttribute(a.value), '"');
  if (el.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of el.children) {
    if (child.kind === 'element') writeElement(child, out);
    else out.push(child.raw);
  }
  out.push('</', el.name, '>');
}

function escapeAttribute(value: string): string {
  return withoutForbiddenCharacters(value).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** Character data for `value`: escaped, and without the characters XML does not allow. */
export function escapeText(value: string): string {
  return withoutForbiddenCharacters(value).replace(/[&<>\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// ---------------------------------------------------------------------------------------------
// Reading and editing trees

export function createElement(name: string, attributes: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return {
    kind: 'element',
    name,
    attributes: Object.entries(attributes).map(([n, value]) => ({ name: n, value })),
    children,
  };
}

export function textNode(value: string): XmlText {
  return { kind: 'text', raw: escapeText(value) };
}

export function getAttribute(el: XmlElement, name: string): string | undefined {
  return el.attributes.find((a) => a.name === name)?.value;
}

export function setAttribute(el: XmlElement, name: string, value: string): void {
  const existing = el.attributes.find((a) => a.name === name);
  if (existing) existing.value = value;
  else el.attributes.push({ name, value });
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element' && (name === undefined || c.name === name));
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => c.kind === 'element' && c.name === name);
}

/** Every element below `root` (and `root` itself), in document order. */
export function descendants(root: XmlElement, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) break;
    if (name === undefined || el.name === name) found.push(el);
    for (let k = el.children.length - 1; k >= 0; k--) {
      const child = el.children[k];
      if (child?.kind === 'element') stack.push(child);
    }
  }
  return found;
}

/** The decoded character data directly and indirectly inside `el` (CDATA included). */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const child of el.children) {
    if (child.kind === 'element') out += textContent(child);
    else if (child.kind === 'text') out += decodeText(child.raw);
    else if (child.raw.startsWith('<![CDATA[')) out += child.raw.slice(9, -3);
  }
  return out;
}

/** Decodes the references in well-formed character data. */
export function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return PREDEFINED_ENTITIES[body] ?? whole;
  });
}

/** Drops text nodes that are only whitespace (for element-only content models). */
export function withoutWhitespace(nodes: readonly XmlNode[]): XmlNode[] {
  return nodes.filter((n) => !(n.kind === 'text' && /^[ \t\r\n]*$/.test(n.raw)));
}
