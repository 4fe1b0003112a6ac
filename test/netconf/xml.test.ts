/** The NETCONF XML model: namespaces resolved, what a server refuses, entities, printing. */
import { describe, expect, it } from 'vitest';
import {
  attributeOf,
  el,
  MAX_DEPTH,
  parseXml,
  renderXml,
  type XmlElement,
} from '../../simulator/netconf/xml.js';

const parse = (text: string): XmlElement => {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
};
const refusal = (text: string): string => {
  const parsed = parseXml(text);
  if (parsed.ok) throw new Error(`accepted: ${text}`);
  return parsed.message;
};

describe('parseXml', () => {
  it('resolves default and prefixed namespaces through the scope, and xmlns="" undeclares', () => {
    const root = parse(
      '<nc:rpc xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="7">' +
        '<nc:get><nc:filter nc:type="subtree"><native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native">' +
        '<hostname/><x xmlns=""/></native></nc:filter></nc:get></nc:rpc>',
    );
    expect(root).toMatchObject({ name: 'rpc', ns: 'urn:ietf:params:xml:ns:netconf:base:1.0' });
    const filter = root.children[0]!.children[0]!;
    expect(filter.ns).toBe('urn:ietf:params:xml:ns:netconf:base:1.0');
    expect(attributeOf(filter, 'type')).toBe('subtree');
    const native = filter.children[0]!;
    expect(native.ns).toBe('http://cisco.com/ns/yang/Cisco-IOS-XE-native');
    expect(native.children[0]).toMatchObject({ name: 'hostname', ns: native.ns });
    expect(native.children[1]!.ns).toBeUndefined();
  });

  it('keeps attributes as written, the message-id and namespace declarations included', () => {
    const root = parse('<rpc xmlns="b" xmlns:j="J" message-id="m" j:x="1"/>');
    expect(root.attributes).toEqual([
      ['xmlns', 'b'],
      ['xmlns:j', 'J'],
      ['message-id', 'm'],
      ['j:x', '1'],
    ]);
  });

  it('decodes the predefined entities, character references and CDATA as written', () => {
    expect(parse('<a>&lt;x&gt; &amp; &#65;&#x42; &quot;&apos;</a>').text).toBe('<x> & AB "\'');
    expect(parse('<a b="&lt;&amp;&#x263A;"/>').attributes).toEqual([['b', '<&☺']]);
    expect(parse('<a>x<![CDATA[&amp;<b>]]>y</a>').text).toBe('x&amp;<b>y');
    expect(parse('<a>&amp;lt;</a>').text).toBe('&lt;');
  });

  it.each([
    ['a DTD', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DTD/],
    ['an entity no DTD declares', '<a>&x;</a>', /&x;/],
    ['an undeclared element prefix', '<x:a/>', /prefix "x"/],
    ['an undeclared attribute prefix', '<a x:b="1"/>', /prefix "x"/],
    ['two root elements', '<a/><b/>', /one root/],
    ['no element', '   ', /./],
    ['a character reference past Unicode', '<a>&#x110000;</a>', /out of range/],
  ])('refuses %s', (_what, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('says where a document stops being well-formed', () => {
    expect(refusal('<rpc>\n  <get>\n  </rpc>')).toMatch(/line 3, column 3/);
  });

  it(`refuses more than ${MAX_DEPTH} levels below the root without throwing, however deep`, () => {
    const nested = (depth: number) => '<a>'.repeat(depth) + '</a>'.repeat(depth);
    for (const depth of [MAX_DEPTH + 2, 200_000])
      expect(refusal(nested(depth))).toMatch(/more than 100 levels/);
    expect(parseXml(nested(MAX_DEPTH + 1)).ok).toBe(true);
  });
});

describe('renderXml', () => {
  it('declares a namespace only where it changes, escapes text and attributes', () => {
    const tree = el('rpc-reply', [el('data', [el('native', [el('hostname', 'a<b&c')], { ns: 'N' })])], {
      ns: 'urn:ietf:params:xml:ns:netconf:base:1.0',
      attributes: [['message-id', '"1"']],
    });
    expect(renderXml(tree)).toBe(
      '<rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="&quot;1&quot;">' +
        '<data><native xmlns="N"><hostname>a&lt;b&amp;c</hostname></native></data></rpc-reply>',
    );
  });

  it('escapes each special character alone, and leaves plain text as it is', () => {
    for (const [raw, text, attribute] of [
      ['>', '&gt;', '&gt;'],
      ['<', '&lt;', '&lt;'],
      ['&', '&amp;', '&amp;'],
      ['"', '"', '&quot;'],
      ['plain text', 'plain text', 'plain text'],
    ] as const) {
      expect(renderXml(el('a', raw, { attributes: [['b', raw]] }))).toBe(`<a b="${attribute}">${text}</a>`);
      expect(renderXml(parse(renderXml(el('a', raw, { attributes: [['b', raw]] }))))).toBe(
        `<a b="${attribute}">${text}</a>`,
      );
    }
  });

  it('prints what it parses back to the same tree', () => {
    const text = '<a xmlns="u" k="v"><b>t</b><c xmlns="w"><d/></c></a>';
    expect(renderXml(parse(text))).toBe(text);
  });

  it('never prints the keys a list entry carries for filtering', () => {
    expect(renderXml(el('interface', [el('name', 'Gi1')], { keys: ['name'] }))).toBe(
      '<interface><name>Gi1</name></interface>',
    );
  });
});
