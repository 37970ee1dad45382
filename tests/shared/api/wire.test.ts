import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeWire,
  encodeBase64,
  encodeWire,
  WireDecodeError,
} from '../../../shared/api/wire';

describe('encodeBase64 / decodeBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('matches RFC 4648 test vector %j', (plain, encoded) => {
    const bytes = new TextEncoder().encode(plain);
    expect(encodeBase64(bytes)).toBe(encoded);
    expect(decodeBase64(encoded)).toEqual(bytes);
  });

  it('round-trips all 256 byte values', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const encoded = encodeBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(decodeBase64(encoded)).toEqual(bytes);
  });

  it('agrees with Node for every length around the chunk boundary', () => {
    for (const length of [1, 2, 3, 4, 5, 49_151, 49_152, 49_153, 49_154, 100_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 255);
      const encoded = encodeBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(decodeBase64(encoded)).equals(bytes)).toBe(true);
    }
  });

  it.each(['abc', 'ab!d', 'Zg=a', 'é===', 'Z==='])('rejects malformed base64 %j', (text) => {
    expect(() => decodeBase64(text)).toThrow(WireDecodeError);
  });
});

describe('encodeWire / decodeWire', () => {
  it('round-trips nested byte arrays, including empty ones', () => {
    const value = {
      fileName: 'a.srt',
      bytes: Uint8Array.from({ length: 256 }, (_, i) => i),
      empty: new Uint8Array(0),
      list: [new Uint8Array([1, 2, 3]), { inner: new Uint8Array([255]) }],
      text: 'plain',
      nothing: null,
    };
    const decoded = decodeWire(encodeWire(value)) as typeof value;
    expect(decoded).toEqual(value);
    expect(decoded.bytes).toBeInstanceOf(Uint8Array);
    expect(decoded.empty).toBeInstanceOf(Uint8Array);
    expect(decoded.empty.length).toBe(0);
    expect(decoded.list[0]).toBeInstanceOf(Uint8Array);
  });

  it('writes bytes as a {"$bytes": base64} box', () => {
    expect(encodeWire({ bytes: new Uint8Array([102, 111, 111]) })).toBe('{"bytes":{"$bytes":"Zm9v"}}');
    expect(encodeWire(new Uint8Array(0))).toBe('{"$bytes":""}');
  });

  it('encodes a Node Buffer (a Uint8Array subclass) the same way', () => {
    expect(encodeWire(Buffer.from('foo'))).toBe('{"$bytes":"Zm9v"}');
  });

  it('leaves ordinary JSON alone, including objects that merely mention $bytes', () => {
    const value = { a: [1, 'two', true, null], b: { $bytes: 'Zm9v', other: 1 }, c: { $bytes: 42 } };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });

  it('throws on malformed base64 inside a box', () => {
    expect(() => decodeWire('{"$bytes":"a"}')).toThrow(WireDecodeError);
  });
});
