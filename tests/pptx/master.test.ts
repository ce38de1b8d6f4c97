/**
 * Issue 16 (master, layouts, placeholders, footer, slide numbers, sections): the default deck and a
 * fixture with every kind and a footer, built through the library and unzipped. Every expectation
 * comes from the bound deck or the plan, never from counting the default deck's slides by hand.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoundDeck, BoundSlide } from '../../src/bind/bind.js';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { SLIDE_NUMBER_BOX } from '../../src/layout/frame.js';
import { LAYOUT_KINDS } from '../../src/layout/registry.js';
import type { Layout } from '../../src/load/outline/schema.js';
import { LAYOUT_OF_KIND } from '../../src/pptx/finish/layouts.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { childElements, descendants, firstChild, getAttribute, textContent } from '../../src/pptx/xml/xml.js';
import { overlapArea } from '../layout/lay-out.js';
import { layoutName, placeholderOf, placeholders, related, root, shapeName, shapeText, slideParts, type PartMap } from './package-xml.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DECKS = {
  'the default deck': path.join(HERE, '../../outline/briefing.yaml'),
  'the fixture with every kind and a footer': path.join(HERE, 'fixture/master/deck.yaml'),
};
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const TITLE_TYPES = new Set(['title', 'ctrTitle']);

/** What the slide's title is in the outline (agenda and sources have a default from the catalog); undefined when it has none. */
function expectedTitle(slide: BoundSlide, deck: BoundDeck): string | undefined {
  const own = 'title' in slide ? slide.title : undefined;
  if (slide.layout === 'agenda') return own ?? deck.locale.word('agenda.title');
  if (slide.layout === 'sources') return own ?? deck.locale.word('sources.title');
  return own;
}

describe.each(Object.entries(DECKS))('%s', (_, outline) => {
  let built: BuildResult;
  let parts: PartMap;
  let deck: BoundDeck;
  let slides: string[];

  beforeAll(async () => {
    built = await buildDeck({ outline, write: false });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    parts = readZip(built.pptx!);
    deck = built.deck!;
    slides = slideParts(parts);
    expect(slides).toHaveLength(deck.slides.length);
  });

  it('gives every slide with a title exactly one title placeholder holding that title (ctrTitle on the title slide)', () => {
    const found = deck.slides.map((s, i) => {
      const titles = placeholders(parts, slides[i]!).filter((p) => TITLE_TYPES.has(p.type));
      return { slide: i + 1, layout: s.layout, types: titles.map((t) => t.type), texts: titles.map((t) => shapeText(t.sp)) };
    });
    const expected = deck.slides.map((s, i) => {
      const title = expectedTitle(s, deck);
      return { slide: i + 1, layout: s.layout, types: title === undefined ? [] : [s.layout === 'title' ? 'ctrTitle' : 'title'], texts: title === undefined ? [] : [title] };
    });
    expect(found).toEqual(expected);
    // Only a quote may go without a title (the outline makes its title optional).
    expect(deck.slides.filter((s) => expectedTitle(s, deck) === undefined).map((s) => s.layout)).toEqual(deck.slides.filter((s) => s.layout === 'quote' && !s.title).map(() => 'quote'));
  });

  it('relates every slide to the layout named for its kind, and the master lists every layout', () => {
    const names = deck.slides.map((_s, i) => related(parts, slides[i]!, 'slideLayout').map((l) => layoutName(parts, l)));
    expect(names).toEqual(deck.slides.map((s) => [LAYOUT_OF_KIND[s.layout as Layout]]));
    const layouts = related(parts, MASTER, 'slideLayout');
    expect(childElements(firstChild(root(parts, MASTER), 'p:sldLayoutIdLst')!, 'p:sldLayoutId')).toHaveLength(layouts.length);
    expect(new Set(layouts.map((l) => layoutName(parts, l)))).toEqual(new Set([...Object.values(LAYOUT_OF_KIND), 'Title Only']));
    expect([...parts.keys()].filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n)).sort()).toEqual([...layouts].sort());
    for (const layout of layouts) expect(related(parts, layout, 'slideMaster')).toEqual([MASTER]);
  });

  it('gives each layout real placeholders: a title, the footer row on content layouts, bodies where the kind has one', () => {
    const byName = new Map(related(parts, MASTER, 'slideLayout').map((l) => [layoutName(parts, l), l]));
    const types = (kind: Layout) => placeholders(parts, byName.get(LAYOUT_OF_KIND[kind])!).map((p) => `${p.type}#${p.idx}`);
    expect(types('title')).toEqual(['ctrTitle#0', 'subTitle#1', 'dt#10']);
    expect(types('section')).toEqual(['title#0', 'body#1']);
    expect(types('bullets')).toEqual(['title#0', 'obj#1', 'ftr#11', 'sldNum#12']);
    expect(types('comparison')).toEqual(['title#0', 'body#1', 'obj#2', 'body#3', 'obj#4', 'ftr#11', 'sldNum#12']);
    for (const kind of Object.keys(LAYOUT_KINDS) as Layout[]) {
      const layout = root(parts, byName.get(LAYOUT_OF_KIND[kind])!);
      // The dark layouts carry the dark background; the others show the master's.
      expect(firstChild(firstChild(layout, 'p:cSld')!, 'p:bg') !== undefined, kind).toBe(LAYOUT_KINDS[kind].dark);
      if (!LAYOUT_KINDS[kind].dark) expect(types(kind).slice(-2), kind).toEqual(['ftr#11', 'sldNum#12']);
    }
  });

  it('styles the master with theme fonts, a bold title and bullet levels, and leaves placeholder runs without colour or typeface', () => {
    const master = root(parts, MASTER);
    const titleRun = descendants(firstChild(firstChild(master, 'p:txStyles')!, 'p:titleStyle')!, 'a:defRPr')[0]!;
    expect(getAttribute(titleRun, 'b')).toBe('1');
    expect(getAttribute(firstChild(titleRun, 'a:latin')!, 'typeface')).toBe('+mj-lt');
    expect(getAttribute(firstChild(titleRun, 'a:ea')!, 'typeface')).toBe('+mj-ea');
    const body = firstChild(firstChild(master, 'p:txStyles')!, 'p:bodyStyle')!;
    expect(getAttribute(firstChild(descendants(body, 'a:defRPr')[0]!, 'a:latin')!, 'typeface')).toBe('+mn-lt');
    expect(getAttribute(firstChild(body, 'a:lvl2pPr')!, 'marL')).toBe(String(2 * Number(getAttribute(firstChild(body, 'a:lvl1pPr')!, 'marL'))));
    const styled = slides.flatMap((part) =>
      descendants(root(parts, part), 'p:sp')
        .filter((sp) => placeholderOf(sp))
        .flatMap((sp) =>
          descendants(sp).filter((el) => (el.name === 'a:rPr' || el.name === 'a:endParaRPr') && el.children.some((c) => c.kind === 'element' && /^a:(solidFill|latin|ea|cs)$/.test(c.name))),
        )
        .map(() => part),
    );
    expect(styled).toEqual([]);
  });

  it('gives the title and section slides no own background (their layout has it)', () => {
    const own = deck.slides.flatMap((s, i) => (firstChild(firstChild(root(parts, slides[i]!), 'p:cSld')!, 'p:bg') ? [`${i + 1} ${s.layout}`] : []));
    expect(own).toEqual([]);
  });

  it('numbers every content slide with the slidenum field and writes the footer there, on no title or section slide', () => {
    const footer = deck.meta.footer;
    const found = deck.slides.map((_s, i) => {
      const phs = placeholders(parts, slides[i]!);
      const number = phs.find((p) => p.type === 'sldNum');
      const field = number && descendants(number.sp, 'a:fld')[0];
      return {
        slide: i + 1,
        number: field ? `${getAttribute(field, 'type')} ${shapeText(number.sp)}` : undefined,
        footer: phs.filter((p) => p.type === 'ftr').map((p) => shapeText(p.sp)),
      };
    });
    expect(found).toEqual(
      deck.slides.map((s, i) => {
        const content = !LAYOUT_KINDS[s.layout].dark;
        // An untitled quote has no content frame, so no footer yet (quote.ts would add deckFooter(ctx)).
        const framed = !(s.layout === 'quote' && !s.title);
        return { slide: i + 1, number: content ? `slidenum ${i + 1}` : undefined, footer: content && framed && footer ? [footer] : [] };
      }),
    );
  });

  it('keeps the footer clear of the source line and the slide number', () => {
    const clashes = built.plan!.slides.flatMap((s) => {
      const footer = s.elements.find((el) => el.name === 'footer');
      if (!footer) return [];
      return [SLIDE_NUMBER_BOX, ...s.elements.filter((el) => el !== footer && el.type === 'text').map((el) => el.box)].filter((box) => overlapArea(box, footer.box) > 1e-6).map(() => s.index + 1);
    });
    expect(clashes).toEqual([]);
    if (deck.meta.footer)
      expect(built.plan!.slides.filter((s) => s.numbered && !s.elements.some((el) => el.name === 'footer')).map((s) => `${s.index + 1} ${s.layout}`)).toEqual(
        built.plan!.slides.filter((s) => s.numbered && s.layout === 'quote' && !deck.slides[s.index]?.title).map((s) => `${s.index + 1} quote`),
      );
  });

  it('makes a PowerPoint section of each section slide, and one of the slides before the first', () => {
    const presentation = root(parts, 'ppt/presentation.xml');
    const ids = childElements(firstChild(presentation, 'p:sldIdLst')!, 'p:sldId').map((s) => getAttribute(s, 'id'));
    const starts = deck.slides.flatMap((s, i) => (s.layout === 'section' ? [{ name: expectedTitle(s, deck), start: i }] : []));
    if (starts.length > 0 && starts[0]!.start > 0) starts.unshift({ name: deck.locale.word('sections.opening'), start: 0 });
    const expected = starts.map((s, k) => ({ name: s.name, slides: ids.slice(s.start, starts[k + 1]?.start ?? ids.length) }));
    const found = descendants(presentation, 'p14:section').map((s) => ({ name: getAttribute(s, 'name'), slides: descendants(s, 'p14:sldId').map((x) => getAttribute(x, 'id')) }));
    expect(found).toEqual(expected);
    const guids = descendants(presentation, 'p14:section').map((s) => getAttribute(s, 'id'));
    expect(new Set(guids).size).toBe(guids.length);
    for (const id of guids) expect(id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
  });

  it('names every shape in a placeholder as layout gave it (names stay what they were)', () => {
    const named = slides.flatMap((part) => placeholders(parts, part).map((p) => shapeName(p.sp)));
    const planned = built.plan!.slides.flatMap((s) => [...s.elements.flatMap((el) => (el.type === 'text' && el.placeholder ? [el.name] : [])), ...(s.numbered ? ['slide number'] : [])]);
    expect(named.sort()).toEqual(planned.sort());
  });

  it("lists the deck's own fonts, theme and slide titles in the document properties (not pptxgenjs' Arial, Office Theme, Slide 1 …)", () => {
    const app = root(parts, 'docProps/app.xml');
    const text = (name: string) => descendants(app, name).map(textContent)[0];
    expect(text('Slides')).toBe(String(slides.length));
    const titles = descendants(app, 'vt:lpstr').map(textContent);
    const expected = deck.slides.map((s) => expectedTitle(s, deck) ?? '');
    const minor = firstChild(descendants(root(parts, 'ppt/theme/theme1.xml'), 'a:minorFont')[0]!, 'a:latin')!;
    expect(titles).toContain(getAttribute(minor, 'typeface'));
    // Fonts Used, then the theme, then one title a slide, as PowerPoint orders them.
    expect(titles.slice(-expected.length)).toEqual(expected);
    expect(titles).not.toContain('Office Theme');
    expect(titles.some((t) => /^Slide \d+$/.test(t))).toBe(false);
    expect(text('Application')).toBe('briefdeck');
  });
});

describe('section ids', () => {
  it('are the same in two builds', async () => {
    const outline = DECKS['the fixture with every kind and a footer'];
    const ids = async () => {
      const built = await buildDeck({ outline, write: false });
      return descendants(root(readZip(built.pptx!), 'ppt/presentation.xml'), 'p14:section').map((s) => `${getAttribute(s, 'name')} ${getAttribute(s, 'id')}`);
    };
    const first = await ids();
    expect(first.length).toBeGreaterThan(1);
    expect(await ids()).toEqual(first);
  });
});
