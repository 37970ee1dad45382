import { describe, expect, it } from 'vitest';
import { planMediaResponse } from '../../../../electron/services/media/media-range';

const SIZE = 1000;
const plan = (range: string | undefined) => planMediaResponse(SIZE, range, 'audio/mpeg');

describe('planMediaResponse', () => {
  it.each([
    // [Range header, status, range sent, Content-Range]
    [undefined, 200, { start: 0, end: 999 }, undefined],
    ['bytes=0-', 206, { start: 0, end: 999 }, 'bytes 0-999/1000'],
    ['bytes=100-199', 206, { start: 100, end: 199 }, 'bytes 100-199/1000'],
    ['bytes=900-5000', 206, { start: 900, end: 999 }, 'bytes 900-999/1000'],
    ['bytes=-100', 206, { start: 900, end: 999 }, 'bytes 900-999/1000'],
    ['bytes=-5000', 206, { start: 0, end: 999 }, 'bytes 0-999/1000'],
    ['bytes=1000-', 416, null, 'bytes */1000'],
    ['bytes=500-400', 416, null, 'bytes */1000'],
    ['bytes=-0', 416, null, 'bytes */1000'],
    // Several ranges or another unit: the whole file is a valid answer.
    ['bytes=0-1,5-6', 200, { start: 0, end: 999 }, undefined],
    ['items=0-1', 200, { start: 0, end: 999 }, undefined],
  ] as const)('Range %s → %i', (header, status, range, contentRange) => {
    const answer = plan(header);
    expect(answer.status).toBe(status);
    expect(answer.range).toEqual(range);
    expect(answer.headers['Content-Range']).toBe(contentRange);
    expect(answer.headers['Accept-Ranges']).toBe('bytes');
    if (range) expect(answer.headers['Content-Length']).toBe(String(range.end - range.start + 1));
  });

  it('sends nothing for an empty file', () => {
    expect(planMediaResponse(0, undefined, 'audio/wav')).toMatchObject({ status: 200, range: null });
  });
});
