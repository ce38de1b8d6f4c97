import { createHash } from 'node:crypto';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/**
 * A hash per slide of a finished deck: the slide's XML and every part it refers to (notes,
 * pictures, charts), so two builds can tell exactly which slides differ.
 */
export function slideHashes(pptx: Uint8Array): string[] {
  const known = zipped.get(pptx);
  const parts = known ? Object.fromEntries(known) : unzipSync(pptx);
  const hashes: string[] = [];
  for (let n = 1; parts[`ppt/slides/slide${n}.xml`]; n++) {
    const name = `ppt/slides/slide${n}.xml`;
    const hash = createHash('sha256');
    for (const part of [name, ...relatedParts(parts, name)]) {
      hash.update(part.replace(/\d+/g, 'N')).update(withoutSlideNumber(parts[part] ?? new Uint8Array()));
    }
    hashes.push(hash.digest('hex').slice(0, 16));
  }
  return hashes;
}

/**
 * The parts a deck was zipped from in this process, by the deck's bytes (see finishPackage):
 * the write stage then hashes slides without inflating the deck just deflated (~15 ms cold).
 * Neither the deck nor its parts are changed after finishing, so they are the unzipped deck.
 */
const zipped = new WeakMap<Uint8Array, ReadonlyMap<string, Uint8Array>>();
export function rememberParts(pptx: Uint8Array, parts: ReadonlyMap<string, Uint8Array>): void {
  zipped.set(pptx, parts);
}

/** Parts a part refers to through its relationships, and theirs in turn (a chart's workbook). */
function relatedParts(parts: Record<string, Uint8Array>, part: string, seen = new Set<string>()): string[] {
  const rels = parts[path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`)];
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
