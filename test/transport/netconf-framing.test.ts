/** RFC 6242 as the client reads it (lenient about blanks before chunks) and its XML reading: whole messages out, errors as values. */
import { describe, expect, it } from 'vitest';
import { createDeframer, frame, type Frame } from '../../simulator/format/netconf-framing.js';
import { parseNetconfXml } from '../../client/transport/netconf-xml.js';
import { readHello, readReply, throwRpcErrors } from '../../client/transport/netconf-session.js';
import { ClientError } from '../../client/errors.js';

/** Feeds `pieces` one by one and collects every frame. */
function deframe(pieces: readonly string[], framing: 'eom' | 'chunked', max = 1024): Frame[] {
  const deframer = createDeframer(max, { tolerateBlanks: true });
  deframer.framing = framing;
  const out: Frame[] = [];
  for (const piece of pieces) {
    deframer.append(Buffer.from(piece));
    for (let f = deframer.next(); f; f = deframer.next()) out.push(f);
  }
  return out;
}

describe('createNetconfDeframer', () => {
  it.each<[string, readonly string[], 'eom' | 'chunked', Frame[]]>([
    ['EOM, one message', ['<hello/>]]>]]>'], 'eom', [{ message: '<hello/>' }]],
    [
      'EOM, marker split across reads',
      ['<a/>]]>', ']]><b/>]', ']>]]>'],
      'eom',
      [{ message: '<a/>' }, { message: '<b/>' }],
    ],
    ['EOM, incomplete', ['<a/>]]>]]'], 'eom', []],
    ['chunked, two chunks', ['\n#4\n<rpc\n#3\n/>x\n##\n'], 'chunked', [{ message: '<rpc/>x' }]],
    ['chunked, byte by byte', [...'\n#5\n<ok/>\n##\n'], 'chunked', [{ message: '<ok/>' }]],
    ['chunked, a newline before the first header', ['\n\n#2\nab\n##\n'], 'chunked', [{ message: 'ab' }]],
    [
      'chunked, multi-byte UTF-8 counted in bytes',
      ['\n#9\n<a>é€</a>\n##\n'.replace('9', String(Buffer.byteLength('<a>é€</a>')))],
      'chunked',
      [{ message: '<a>é€</a>' }],
    ],
    [
      'chunked, garbage where a header is due',
      ['<rpc-reply/>]]>]]>'],
      'chunked',
      [{ error: expect.stringMatching(/chunk header \(\\n#\) was due/) as string }],
    ],
    [
      'chunked, leading zero',
      ['\n#01\na\n##\n'],
      'chunked',
      [{ error: expect.stringMatching(/bad chunk size "01"/) as string }],
    ],
    [
      'chunked, size beyond RFC 6242',
      ['\n#4294967296\n'],
      'chunked',
      [{ error: expect.stringMatching(/bad chunk size/) as string }],
    ],
    [
      'chunked, end marker with no chunk',
      ['\n##\n'],
      'chunked',
      [{ error: expect.stringMatching(/no chunk before it/) as string }],
    ],
  ])('%s', (_name, pieces, framing, expected) => {
    expect(deframe(pieces, framing)).toEqual(expected);
  });

  it('caps a message: an EOM message without its marker, or chunks adding up past the cap', () => {
    expect(deframe(['x'.repeat(40)], 'eom', 32)).toEqual([{ error: 'a message larger than 32 bytes' }]);
    expect(deframe(['\n#20\n', 'y'.repeat(20), '\n#20\n'], 'chunked', 32)).toEqual([
      { error: 'a message larger than 32 bytes' },
    ]);
  });

  it('holds nothing after a framing error, and yields nothing more', () => {
    const deframer = createDeframer(64, { tolerateBlanks: true });
    deframer.framing = 'chunked';
    deframer.append(Buffer.from('garbage'));
    expect(deframer.next()).toMatchObject({ error: expect.any(String) as string });
    deframer.append(Buffer.from('\n#2\nok\n##\n'));
    expect(deframer.next()).toBeUndefined();
  });

  it('frames what it deframes', () => {
    for (const framing of ['eom', 'chunked'] as const)
      expect(deframe([frame('<rpc message-id="1"/>', framing)], framing)).toEqual([
        { message: '<rpc message-id="1"/>' },
      ]);
  });
});

describe('parseNetconfXml', () => {
  it('drops prefixes and xmlns declarations, keeps attributes and text', () => {
    const parsed = parseNetconfXml(
      '<nc:rpc-reply xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:junos="http://xml.juniper.net/junos/17.4R1/junos" message-id="7"><lldp-neighbors-information junos:style="brief"><x>a &amp; b</x></lldp-neighbors-information></nc:rpc-reply>',
    );
    expect(parsed).toEqual({
      ok: true,
      root: {
        name: 'rpc-reply',
        attributes: { 'message-id': '7' },
        text: '',
        children: [
          {
            name: 'lldp-neighbors-information',
            attributes: { style: 'brief' },
            text: '',
            children: [{ name: 'x', attributes: {}, children: [], text: 'a & b' }],
          },
        ],
      },
    });
  });

  it.each([
    ['unclosed', '<a><b></a>', /closing tag/],
    ['a DTD', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE/],
    ['two roots', '<a/><b/>', /./],
    ['not XML at all', 'SSH-2.0-OpenSSH', /./],
  ])('refuses %s without throwing', (_name, text, message) => {
    const parsed = parseNetconfXml(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('hello and replies', () => {
  const hello = (caps: string[]) =>
    `<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities>${caps.map((c) => `<capability>${c}</capability>`).join('')}</capabilities><session-id>42</session-id></hello>`;

  it('reads the capabilities and session-id of a hello', () => {
    expect(
      readHello(hello(['urn:ietf:params:netconf:base:1.0', 'urn:ietf:params:netconf:base:1.1']), 'h'),
    ).toEqual({
      capabilities: ['urn:ietf:params:netconf:base:1.0', 'urn:ietf:params:netconf:base:1.1'],
      sessionId: '42',
    });
  });

  it.each([
    ['no base capability', hello(['urn:ietf:params:netconf:capability:candidate:1.0']), /neither/],
    ['not a hello', '<rpc-reply/>', /expected <hello>/],
    ['not XML', '<hello>', /not XML/],
  ])('refuses a hello with %s as COMMAND_FAILED', (_name, text, message) => {
    expect(() => readHello(text, 'h')).toThrow(message);
    try {
      readHello(text, 'h');
    } catch (error) {
      expect((error as ClientError).code).toBe('COMMAND_FAILED');
    }
  });

  it('checks the message-id of a reply', () => {
    expect(readReply('<rpc-reply message-id="3"><ok/></rpc-reply>', '3', 'h').children[0]!.name).toBe('ok');
    expect(() => readReply('<rpc-reply message-id="2"><ok/></rpc-reply>', '3', 'h')).toThrow(
      /message-id 2 came while 3 was awaited/,
    );
  });

  it("quotes the device's rpc-error (Junos's shape for an unknown RPC), and lets warnings pass", () => {
    const error = readReply(
      '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/17.4R1/junos"><rpc-error><error-type>protocol</error-type><error-tag>operation-failed</error-tag><error-severity>error</error-severity><error-message>syntax error, expecting &lt;command&gt;</error-message><error-info><bad-element>get-lldp-neighbours</bad-element></error-info></rpc-error></rpc-reply>',
      '1',
      'h',
    );
    expect(() => throwRpcErrors(error, 'h', '<get-lldp-neighbours/>')).toThrow(
      'h: the device refused <get-lldp-neighbours>: syntax error, expecting <command> (get-lldp-neighbours)',
    );
    const warning = readReply(
      '<rpc-reply><rpc-error><error-severity>warning</error-severity><error-message>w</error-message></rpc-error><ok/></rpc-reply>',
      '1',
      'h',
    );
    expect(() => throwRpcErrors(warning, 'h', '<x/>')).not.toThrow();
  });
});
