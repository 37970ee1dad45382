/**
 * The JSON codec for the HTTP transport (browser mode). JSON has no bytes, so every Uint8Array is
 * written as `{"$bytes": "<base64>"}` and read back as a Uint8Array. Pure TypeScript: shared/ has
 * neither `btoa` nor `Buffer`, so base64 is done here by hand.
 */

const BYTES_KEY = '$bytes';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = '=';
/** Bytes encoded per string chunk; a multiple of 3 so only the last chunk is padded. */
const ENCODE_CHUNK_BYTES = 3 * 16_384;

/** A base64 string that is not well formed. */
export class WireDecodeError extends Error {
  override readonly name = 'WireDecodeError';
}

/** Serialises a value to JSON, writing every Uint8Array as `{"$bytes": base64}`. */
export function encodeWire(value: unknown): string {
  // A replacer sees a value after its toJSON() (Node's Buffer has one); the holder has the original.
  return JSON.stringify(value, function (this: unknown, key: string, item: unknown) {
    const original: unknown = (this as Record<string, unknown>)[key];
    return original instanceof Uint8Array ? { [BYTES_KEY]: encodeBase64(original) } : item;
  });
}

/** Parses JSON written by encodeWire, turning every `{"$bytes": base64}` back into a Uint8Array. */
export function decodeWire(json: string): unknown {
  return JSON.parse(json, (_key, item: unknown) => (isBytesBox(item) ? decodeBase64(item[BYTES_KEY]) : item));
}

function isBytesBox(item: unknown): item is { [BYTES_KEY]: string } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const keys = Object.keys(item);
  return (
    keys.length === 1 &&
    keys[0] === BYTES_KEY &&
    typeof (item as Record<string, unknown>)[BYTES_KEY] === 'string'
  );
}

/** Standard base64 (RFC 4648, with padding). */
export function encodeBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let chunkStart = 0; chunkStart < bytes.length; chunkStart += ENCODE_CHUNK_BYTES) {
    const chunkEnd = Math.min(chunkStart + ENCODE_CHUNK_BYTES, bytes.length);
    let out = '';
    let i = chunkStart;
    for (; i + 2 < chunkEnd; i += 3) {
      const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out +=
        ALPHABET[(triple >> 18) & 63]! +
        ALPHABET[(triple >> 12) & 63]! +
        ALPHABET[(triple >> 6) & 63]! +
        ALPHABET[triple & 63]!;
    }
    const rest = chunkEnd - i;
    if (rest === 1) {
      const triple = bytes[i]! << 16;
      out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]! + PAD + PAD;
    } else if (rest === 2) {
      const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
      out +=
        ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]! + ALPHABET[(triple >> 6) & 63]! + PAD;
    }
    chunks.push(out);
  }
  return chunks.join('');
}

const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Decodes standard padded base64; throws WireDecodeError on anything else. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) {
    throw new WireDecodeError(`base64 length ${text.length} is not a multiple of 4`);
  }
  let padding = 0;
  if (text.endsWith(PAD + PAD)) padding = 2;
  else if (text.endsWith(PAD)) padding = 1;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const isLast = i + 4 === text.length;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = isLast && padding === 2 ? 0 : sextet(text, i + 2);
    const d = isLast && padding >= 1 ? 0 : sextet(text, i + 3);
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = (triple >> 16) & 255;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? DECODE_TABLE[code]! : -1;
  if (value < 0) {
    throw new WireDecodeError(`invalid base64 character ${JSON.stringify(text[index])} at ${index}`);
  }
  return value;
}
