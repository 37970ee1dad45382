/**
 * HTTP byte ranges for playing a recording: the media element asks for pieces (seeking in a
 * 3-hour file must not read it from the start), so both the browser-mode server and Electron's
 * app protocol answer `Range: bytes=…` with 206 and the piece. One range per request is all media
 * elements ask for; a list of ranges gets the whole file (allowed by RFC 9110).
 */

export interface MediaResponsePlan {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Inclusive byte range to send; null for 416. */
  range: { start: number; end: number } | null;
}

export function planMediaResponse(
  size: number,
  rangeHeader: string | null | undefined,
  contentType: string,
): MediaResponsePlan {
  const common = { 'Accept-Ranges': 'bytes', 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
  const whole: MediaResponsePlan = {
    status: 200,
    headers: { ...common, 'Content-Length': String(size) },
    range: size === 0 ? null : { start: 0, end: size - 1 },
  };
  if (!rangeHeader) return whole;
  const match = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim());
  if (!match) return whole; // several ranges, or another unit: the whole file is a valid answer
  const [, first = '', last = ''] = match;
  let start: number;
  let end: number;
  if (first === '' && last === '') return whole;
  if (first === '') {
    // bytes=-N: the last N bytes
    const suffix = Number(last);
    if (suffix === 0) return unsatisfiable(size, common);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || end < start) return unsatisfiable(size, common);
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Length': String(end - start + 1),
      'Content-Range': `bytes ${start}-${end}/${size}`,
    },
    range: { start, end },
  };
}

function unsatisfiable(size: number, common: Record<string, string>): MediaResponsePlan {
  return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, range: null };
}
