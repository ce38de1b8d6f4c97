import { describe, expect, it } from 'vitest';
import * as briefdeck from '../../src/index.js';

describe('the library entry point', () => {
  it('exports exactly these names (a change here is a change of the public API)', () => {
    expect(Object.keys(briefdeck).sort()).toEqual([
      'buildDeck',
      'checkOutline',
      'countingCache',
      'createChartCache',
      'createDeflateCache',
      'documentDate',
      'formatJson',
      'formatText',
      'jsonSchemas',
      'locate',
      'run',
      'startChartDrawer',
    ]);
  });
});
