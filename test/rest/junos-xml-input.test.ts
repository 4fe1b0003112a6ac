/** The Junos REST API's XML reader: what it accepts, and the fault it names for what it refuses. */
import { describe, expect, it } from 'vitest';
import { readXmlFragment } from '../../simulator/rest/junos/xml-input.js';

const nest = (depth: number) => '<a>'.repeat(depth) + '</a>'.repeat(depth);

describe('readXmlFragment', () => {
  it.each<[what: string, source: string, names: string[]]>([
    ['nothing', ' \n', []],
    ['a declaration, then sibling roots', '<?xml version="1.0"?>\n<a>1</a>\r\n<b></b><c/>', ['a', 'b', 'c']],
    [
      'names that are Object properties',
      '<constructor/><__proto__>1</__proto__><toString/>',
      ['constructor', '__proto__', 'toString'],
    ],
    ['a comment among them', '<a/><!-- x --><b/>', ['a', 'b']],
    ['elements 64 deep', nest(64), ['a']],
  ])('reads %s', (_what, source, names) => {
    const read = readXmlFragment(source);
    expect(read.ok && read.nodes.map((n) => n.name)).toEqual(names);
  });

  it('keeps attributes, trimmed text and children, entities decoded', () => {
    const read = readXmlFragment('<rpc format="json" toString="&amp;"> <x> 1 &lt; 2 </x><y/></rpc>');
    expect(read).toEqual({
      ok: true,
      nodes: [
        {
          name: 'rpc',
          attributes: { format: 'json', toString: '&' },
          text: '',
          children: [
            { name: 'x', attributes: {}, children: [], text: '1 < 2' },
            { name: 'y', attributes: {}, children: [], text: '' },
          ],
        },
      ],
    });
  });

  it.each<[what: string, source: string, error: RegExp]>([
    ['an unclosed element', '<no-resolve>', /^missing <\/no-resolve> at offset 12$/],
    ['unclosed nested elements', '<a><b>', /^missing <\/b> at offset 6$/],
    [
      'an unterminated start tag',
      '<get-software-information',
      /^malformed start tag <get-software-information> at offset 25$/,
    ],
    ['a mismatched end tag', '<a></b>', /closing tag 'b' at offset 3$/],
    ['text after the roots', '<a/><b></b>x', /^extra text at the end at offset 11$/],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /^a DOCTYPE is not accepted at offset 0$/],
    ['elements 65 deep', nest(65), /^elements nested deeper than 64 levels$/],
    ['more than 64 KiB', '<a>'.repeat(100_000), /^more than 65536 characters of XML/],
    [
      'a long bad name, shortened',
      '<a>' + '<'.repeat(1000) + '</a>',
      /^tag '<{40}…' is an invalid name at offset \d+$/,
    ],
  ])('refuses %s', (_what, source, error) => {
    const read = readXmlFragment(source);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(error);
  });
});
