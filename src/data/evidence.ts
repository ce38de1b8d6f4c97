import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { fieldAt, type DataStore } from './types.js';

/** A phrase the deck says is the source's own words: an `evidence:` value or a quotation. */
export interface Claim {
  text: string;
  kind: 'evidence' | 'quotation';
  /** Where the phrase was written (the value's place in the outline or the data file). */
  at: SourceRef;
}

/** Quotation marks of either convention, as one mark each: 「」 for “”, 『』 for ‘’. */
const QUOTE_MARKS: Readonly<Record<string, string>> = { '「': '"', '」': '"', '“': '"', '”': '"', '『': "'", '』': "'", '‘': "'", '’': "'" };

/**
 * `s` with every full-width form of punctuation as its half-width one (，→ , ；→ ; （→ ( …) and
 * quotation marks of either convention as one: the only differences a quotation may have from
 * its source. Letters, digits, white space and every Chinese character stay as written, so a
 * simplified form is not its traditional one and a space is not nothing.
 */
export function punctuationWidthFolded(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    const mark = QUOTE_MARKS[ch];
    if (mark !== undefined) out += mark;
    else if (code >= 0xff01 && code <= 0xff5e) {
      const half = String.fromCodePoint(code - 0xfee0);
      out += /[\p{L}\p{N}]/u.test(half) ? ch : (QUOTE_MARKS[half] ?? half);
    } else if (code === 0xff61) out += '。';
    else if (code === 0xff64) out += '、';
    else out += ch;
  }
  return out;
}

/** A source text, folded once, for many look-ups. */
export interface SourceIndex {
  folded: string;
}

export function indexSource(text: string): SourceIndex {
  return { folded: punctuationWidthFolded(text.replace(/^\uFEFF/, '')) };
}

/**
 * Whether `phrase` occurs in the source, punctuation width aside. A quotation may leave words
 * out with an ellipsis (…, ……, ...): each part of it must occur, in order.
 */
export function occursIn(source: SourceIndex, phrase: string, kind: Claim['kind'] = 'evidence'): boolean {
  const parts = (kind === 'quotation' ? phrase.split(/…+|⋯+|\.{3,}/) : [phrase]).map((p) => punctuationWidthFolded(p.trim())).filter((p) => p !== '');
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = source.folded.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Every `evidence:` of the data: on figures items, ranking entries and editions, each at its value. */
export function dataClaims(data: DataStore): Claim[] {
  const claims: Claim[] = [];
  const add = (value: { evidence?: string; origin: SourceRef & { fields?: Readonly<Record<string, SourceRef>> } }) => {
    if (value.evidence !== undefined) claims.push({ text: value.evidence, kind: 'evidence', at: fieldAt(value, 'evidence') });
  };
  for (const d of data.values()) {
    if (d.type === 'figures') for (const item of d.items) add(item);
    else
      for (const edition of d.editions) {
        add(edition);
        for (const entry of edition.entries) add(entry);
      }
  }
  return claims;
}

/** A slide as bound, for its claims: a quote slide's quotation and any slide's `evidence:`. */
interface ClaimingSlide {
  layout: string;
  quote?: string;
  evidence?: string | readonly string[];
}

/** The quotations and `evidence:` of the slides, as rendered; `at` locates a path under a slide (`['quote']`, `['evidence', 1]`). */
export function slideClaims(slides: readonly ClaimingSlide[], at: (slide: number, path: readonly (string | number)[]) => SourceRef): Claim[] {
  const claims: Claim[] = [];
  slides.forEach((s, i) => {
    if (s.layout === 'quote' && s.quote !== undefined) claims.push({ text: s.quote, kind: 'quotation', at: at(i, ['quote']) });
    if (typeof s.evidence === 'string') claims.push({ text: s.evidence, kind: 'evidence', at: at(i, ['evidence']) });
    else for (const [j, text] of (s.evidence ?? []).entries()) claims.push({ text, kind: 'evidence', at: at(i, ['evidence', j]) });
  });
  return claims;
}

/** The claims `source` does not hold, one DATA_EVIDENCE_NOT_FOUND each, at the claim. */
export function checkClaims(claims: readonly Claim[], source: SourceIndex, sourceName: string): Diagnostic[] {
  return claims
    .filter((c) => !occursIn(source, c.text, c.kind))
    .map((c) =>
      error(
        'DATA_EVIDENCE_NOT_FOUND',
        `${c.kind === 'quotation' ? 'this quotation' : 'this evidence'} is not in ${sourceName}: ${c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}`,
        c.at,
        c.kind === 'quotation'
          ? 'a quotation is the source’s words exactly (only the width of punctuation and the style of quotation marks may differ); mark words left out with …'
          : 'copy the phrase from the source as it is written there (only the width of punctuation may differ)',
      ),
    );
}
