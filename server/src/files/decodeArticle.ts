/** Turns a file's bytes into article text, or says in plain words why it cannot. */

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How far into a file to look for the pattern of UTF-16 without a byte order mark. */
const SNIFF_BYTES = 4096;

export function decodeArticle(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) return { ok: false, problem: 'is encoded as UTF-32; save it as UTF-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16 (little-endian, with byte order mark)' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16 (big-endian, with byte order mark)' };
  if (bytes.length === 0) return { ok: true, text: '', note: 'is empty; there is nothing to check' };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.indexOf(0) >= 0) {
    return looksLikeUtf16(body)
      ? { ok: false, problem: 'looks like UTF-16 without a byte order mark; save it as UTF-8 (or as UTF-16 with a byte order mark)' }
      : { ok: false, problem: 'looks like a binary file (it contains NUL bytes), not a text article' };
  }
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    return { ok: false, problem: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(body)}); save it as UTF-8` };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Latin text in UTF-16 has a NUL in every other byte, all on the same side. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  if (sample.length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  return Math.max(evenNuls, oddNuls) >= pairs * 0.6 && Math.min(evenNuls, oddNuls) <= pairs * 0.05;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
