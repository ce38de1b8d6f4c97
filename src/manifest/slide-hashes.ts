import { createHash } from 'node:crypto';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { slidePartName } from '../pptx/opc/part-names.js';
import type { Parts } from '../pptx/opc/parts.js';

/**
 * A hash per slide of a finished deck, from the parts it was zipped from (`packageParts` gives
 * them with the bytes, so the deck just deflated is not inflated again): the slide's XML and
 * every part it refers to (notes, pictures, charts), so two builds can tell exactly which
 * slides differ.
 */
export function slideHashes(parts: Parts): string[] {
  const hashes: string[] = [];
  for (let n = 1; parts.has(slidePartName(n)); n++) {
    const name = slidePartName(n);
    const hash = createHash('sha256');
    for (const part of [name, ...relatedParts(parts, name)]) {
      hash.update(part.replace(/\d+/g, 'N')).update(withoutSlideNumber(parts.get(part) ?? new Uint8Array()));
    }
    hashes.push(hash.digest('hex').slice(0, 16));
  }
  return hashes;
}

/** Parts a part refers to through its relationships, and theirs in turn (a chart's workbook). */
function relatedParts(parts: Parts, part: string, seen = new Set<string>()): string[] {
  const rels = parts.get(path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`));
  if (!rels) return [];
  const out: string[] = [];
  for (const m of strFromU8(rels).matchAll(/Target="([^"]+)"(?![^>]*TargetMode="External")/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(part), m[1] ?? ''));
    // A slide links to its layout, and notes link back to the slide: neither is the slide's content.
    if (seen.has(target) || /slideLayout|slideMaster|notesMaster|\/slides\/slide\d+\.xml$/.test(target)) continue;
    seen.add(target);
    out.push(target, ...relatedParts(parts, target, seen));
  }
  return out;
}

/**
 * A slide's content without its slide number and own part numbers: a slide moved by an
 * insertion above it is the same slide.
 */
function withoutSlideNumber(bytes: Uint8Array): string {
  return strFromU8(bytes, true)
    .replace(/(<a:fld [^>]*type="slidenum"[^>]*>.*?<a:t>)\d+(<\/a:t>)/g, '$1#$2')
    .replace(/<p:cSld name="Slide \d+">/, '<p:cSld>')
    .replace(/Target="[^"]*?\d+\.xml"/g, (t) => t.replace(/\d+(?=\.xml")/, 'N'));
}
