import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/diagnostics/diagnostic.js';
import { finishPackage } from '../../src/pptx/finish/finish.js';
import { picturePlaceholder } from '../../src/pptx/finish/pictures.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { FINISH_OPTIONS, makePng, PptxGenJS, writeDeck } from './decks.js';

/** A deck whose slides show chart pictures as emit writes them: placeholders naming a hash. */
async function placeholderDeck(hashes: string[]): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  for (const hash of hashes) {
    const data = `image/png;base64,${Buffer.from(picturePlaceholder(hash)).toString('base64')}`;
    pptx.addSlide().addImage({ data, x: 1, y: 1, w: 4, h: 3 });
  }
  return writeDeck(pptx);
}

const media = (pptx: Uint8Array) => [...readZip(pptx)].filter(([name]) => name.startsWith('ppt/media/'));

describe('chart pictures drawn while the deck is finished', () => {
  it('go in place of their placeholders, a picture shown twice stored once', async () => {
    const a = makePng(20, 10);
    const b = makePng(30, 10);
    const pptx = await finishPackage(
      await placeholderDeck(['aaa', 'bbb', 'aaa']),
      FINISH_OPTIONS,
      new Map([
        ['aaa', a],
        ['bbb', b],
      ]),
    );
    const stored = media(pptx);
    expect(stored.map(([, bytes]) => Buffer.from(bytes).toString('hex')).sort()).toEqual([a, b].map((p) => Buffer.from(p).toString('hex')).sort());
    expect(checkPackage(pptx, 'pictures.pptx')).toEqual([]);
  });

  it('are required: a placeholder without its picture is a bug, not a blank slide', async () => {
    const raw = await placeholderDeck(['aaa', 'bbb']);
    await expect(finishPackage(raw, FINISH_OPTIONS, new Map([['aaa', makePng(4, 4)]]))).rejects.toThrow(InternalError);
    await expect(finishPackage(raw, FINISH_OPTIONS, new Map([['aaa', makePng(4, 4)]]))).rejects.toThrow(/no picture was drawn for ppt\/media\/.* \(chart bbb\)/);
  });
});
