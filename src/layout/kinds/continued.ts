import type { Bullet } from '../../load/outline/schema.js';
import { contentFrame, fitAll, fitsItsBox, type LayoutContext, type TextSpec } from '../frame.js';
import type { Element, SlideContent } from '../types.js';

/**
 * A titled slide of bullets, continued on follow-on slides titled with the locale's "(cont.)" where
 * its bullets do not fit at any size the theme allows (issue 13: continue rather than shrink below
 * `sizes.min`). A bullet stays whole with its sub-bullets; the parts share one size. `body` makes
 * the slide's text box for a run of bullets.
 */
export function continuedBullets(ctx: LayoutContext, title: string, bullets: readonly Bullet[], body: (part: readonly Bullet[]) => TextSpec): SlideContent {
  const parts = bulletRuns(bullets, (run) => fitsItsBox(body(run), ctx));
  const [first, ...rest] = fitAll(parts.map(body), ctx);
  const slide = (heading: string, text: Element | undefined): SlideContent => ({ elements: [...contentFrame(ctx, heading), ...(text ? [text] : [])] });
  const more = rest.map((text) => slide(ctx.deck.locale.word('title.continued', { title }), text));
  return { ...slide(title, first), ...(more.length ? { continued: more } : {}) };
}

/** The bullets in runs, each as long as still fits (a bullet that fits nowhere is a run of its own, and overflows there). */
export function bulletRuns<B>(bullets: readonly B[], fits: (run: readonly B[]) => boolean): B[][] {
  if (bullets.length < 2 || fits(bullets)) return [[...bullets]];
  const runs: B[][] = [];
  let run: B[] = [];
  for (const b of bullets) {
    if (run.length > 0 && !fits([...run, b])) {
      runs.push(run);
      run = [];
    }
    run.push(b);
  }
  runs.push(run);
  return runs;
}
