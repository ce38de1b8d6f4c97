import path from 'node:path';
import type { Diagnostic, SourceRef } from '../../diagnostics/diagnostic.js';
import { badUrl, isWebUrl } from '../../data/web-url.js';
import { loadYamlFile } from '../load-yaml-file.js';
import { positionAt, positionsOf, type Positions } from '../positions.js';
import { outlineSchema, type OutlineDoc } from './schema.js';

/**
 * An outline is written by hand: a few KB per slide. Larger files are refused before they are
 * parsed, so a generated or wrong file gets a message at once instead of a long wait.
 */
export const MAX_OUTLINE_BYTES = 2 * 1024 * 1024;

/** A validated outline that remembers where each of its parts came from. */
export interface Outline {
  file: string;
  dir: string;
  /** The outline's text, to locate positions inside its strings. */
  text: string;
  doc: OutlineDoc;
  /** Where each value of `doc` was written, by its path (`['slides', 3, 'title']`). */
  positions: Positions;
  /** Where each slide starts, by index. */
  slideOrigins: SourceRef[];
}

export interface Loaded<T> {
  value?: T;
  diagnostics: Diagnostic[];
  /** Every file read, with its text, so that a reporter can show line, column and a frame. */
  texts: Map<string, string>;
}

/** Reads, parses and validates the outline file. */
export async function loadOutline(file: string): Promise<Loaded<Outline>> {
  const loaded = await loadYamlFile(file, 'OUTLINE', outlineSchema, { options: { maxBytes: MAX_OUTLINE_BYTES, relativeTo: 'the current folder' } });
  const { value: doc, doc: yaml, text, diagnostics, texts } = loaded;
  if (!doc || !yaml || text === undefined) return { diagnostics, texts };
  const positions = positionsOf(yaml, file);
  const slideOrigins = doc.slides.map((_, i) => positionAt(positions, ['slides', i]));
  const url = doc.deck.source?.url;
  // A url with a template in it is checked where the sources slide renders it.
  if (url !== undefined && !url.includes('{{') && !isWebUrl(url)) diagnostics.push(badUrl('OUTLINE_BAD_URL', 'deck.source.url', url, positionAt(positions, ['deck', 'source', 'url'])));
  return { value: { file, dir: path.dirname(file), text, doc, positions, slideOrigins }, diagnostics, texts };
}
