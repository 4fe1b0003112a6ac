/** `<rpc-error>` rendering: RFC 6241's element order, the error-info each builder carries. */
import { describe, expect, it } from 'vitest';
import {
  lockDenied,
  malformedMessage,
  missingMessageId,
  renderRpcError,
  type RpcError,
} from '../../simulator/netconf/errors.js';
import { BASE_NS, el, renderXml } from '../../simulator/netconf/xml.js';

const inReply = (error: RpcError) => renderXml(el('rpc-reply', [renderRpcError(error)], { ns: BASE_NS }));

describe('renderRpcError', () => {
  it('renders RFC 6241 §4.1 missing message-id exactly as its example', () => {
    expect(inReply(missingMessageId())).toBe(
      `<rpc-reply xmlns="${BASE_NS}"><rpc-error><error-type>rpc</error-type>` +
        '<error-tag>missing-attribute</error-tag><error-severity>error</error-severity>' +
        '<error-info><bad-attribute>message-id</bad-attribute><bad-element>rpc</bad-element></error-info>' +
        '</rpc-error></rpc-reply>',
    );
  });

  it('orders every part as Appendix A/the XSD lists them', () => {
    const out = renderXml(
      renderRpcError({
        type: 'application',
        tag: 'invalid-value',
        severity: 'warning',
        appTag: 'too-long',
        path: '/native/hostname',
        message: 'a < b',
        info: [['bad-element', 'hostname']],
      }),
    );
    expect(out).toBe(
      `<rpc-error xmlns="${BASE_NS}"><error-type>application</error-type><error-tag>invalid-value</error-tag>` +
        '<error-severity>warning</error-severity><error-app-tag>too-long</error-app-tag>' +
        '<error-path>/native/hostname</error-path><error-message xml:lang="en">a &lt; b</error-message>' +
        '<error-info><bad-element>hostname</bad-element></error-info></rpc-error>',
    );
  });

  it('carries the lock holder as error-info session-id, 0 for a holder outside NETCONF', () => {
    expect(renderXml(renderRpcError(lockDenied(7)))).toContain(
      '<error-info><session-id>7</session-id></error-info>',
    );
    expect(renderXml(renderRpcError(lockDenied(0)))).toContain('<session-id>0</session-id>');
  });

  it('leaves out what an error does not have', () => {
    expect(renderXml(renderRpcError(malformedMessage()))).toBe(
      `<rpc-error xmlns="${BASE_NS}"><error-type>rpc</error-type><error-tag>malformed-message</error-tag>` +
        '<error-severity>error</error-severity></rpc-error>',
    );
  });
});
