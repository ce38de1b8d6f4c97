import * as zlib from 'node:zlib';

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 in JS, for Node before 20.15 (and to test the native one against). */
export function crc32InJs(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c & 255) ^ (data[i] as number)] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/** The CRC-32 of zip entries and PNG chunks: zlib's (native) from Node 20.15, else the same sum in JS. */
export const crc32: (data: Uint8Array) => number = (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ?? crc32InJs;
