import type { Layout } from '../load/outline/schema.js';
import { agenda } from './kinds/agenda.js';
import { bullets } from './kinds/bullets.js';
import { changes } from './kinds/changes.js';
import { chart } from './kinds/chart.js';
import { comparison } from './kinds/comparison.js';
import { figures } from './kinds/figures.js';
import { quote } from './kinds/quote.js';
import { section } from './kinds/section.js';
import { sources } from './kinds/sources.js';
import { takeaways } from './kinds/takeaways.js';
import { timeline } from './kinds/timeline.js';
import { title } from './kinds/title.js';
import type { LayoutKind } from './types.js';

/**
 * Every layout kind, by the name an outline gives it. Adding a kind to the outline schema makes
 * this table fail to compile until the kind has an entry here: a file in `kinds/` providing
 * what `LayoutKind` asks for.
 */
export const LAYOUT_KINDS: { readonly [L in Layout]: LayoutKind<L> } = {
  title,
  agenda,
  section,
  bullets,
  figures,
  quote,
  chart,
  timeline,
  comparison,
  takeaways,
  sources,
  changes,
};
