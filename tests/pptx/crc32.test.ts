import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, crc32InJs } from '../../src/pptx/zip/crc32.js';

describe('crc32', () => {
  it('is the CRC-32 of zip and PNG, natively or in JS', () => {
    // The check value of CRC-32/ISO-HDLC.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32InJs(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const data = randomBytes(100_000);
    expect(crc32InJs(data)).toBe(crc32(data));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
