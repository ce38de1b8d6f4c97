import type { Element } from './types.js';

/**
 * The elements item by item, for a screen reader (which reads in shape order): each figure's card,
 * value, label and detail together, then the next figure's, instead of all values, then all labels.
 * An element belongs to the item its name numbers ("figure 2 label", "event 3 date", "agenda item 1");
 * elements of no item come first; within an item the order given is kept (a card before the text on it).
 */
export function itemByItem(elements: readonly Element[]): Element[] {
  return elements
    .map((el, k) => ({ el, k, item: itemOf(el.name) }))
    .sort((a, b) => a.item - b.item || a.k - b.k)
    .map((x) => x.el);
}

function itemOf(name: string): number {
  const m = /^[a-z ]+? (\d+)(?: |$)/.exec(name);
  return m ? Number(m[1]) : 0;
}
