/**
 * Media types (RFC 8040 §5.2): replies in `application/yang-data+json` or `+xml` as the Accept
 * header asks, XML when it names no preference (ConfD's default); request bodies only in those two.
 */
import type { Format } from './encode.js';

const TYPES: Readonly<Record<string, Format>> = {
  'application/yang-data+json': 'json',
  'application/yang-data+xml': 'xml',
};

/** The format to answer in when the client expresses no preference. */
export const DEFAULT_FORMAT: Format = 'xml';

export const mediaType = (format: Format): string =>
  format === 'json' ? 'application/yang-data+json' : 'application/yang-data+xml';

interface Ranged {
  type: string;
  q: number;
}

function parseAccept(header: string): Ranged[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const value = q === undefined ? 1 : Number(q.slice(2));
      return { type, q: Number.isFinite(value) ? value : 0 };
    })
    .filter((r) => r.type !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q);
}

/** The reply format the Accept header allows, or undefined (406) when it allows neither. */
export function negotiate(accept: string | undefined): Format | undefined {
  if (accept === undefined || accept.trim() === '') return DEFAULT_FORMAT;
  for (const { type } of parseAccept(accept)) {
    const format = TYPES[type];
    if (format) return format;
    if (type === '*/*' || type === 'application/*') return DEFAULT_FORMAT;
  }
  return undefined;
}

/** The format of a request body by its Content-Type, or undefined (415) for any other type. */
export function bodyFormat(contentType: string | undefined): Format | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return TYPES[type];
}
