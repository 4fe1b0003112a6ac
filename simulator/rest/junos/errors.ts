/**
 * How the Junos REST service says no. HTTP-level refusals come from lighttpd, which fronts the
 * service (`system services rest traceoptions flag lighttpd`), as its stock XHTML error page; RPC
 * failures are mgd's `<rpc-error>` (shape from NETCONF captures: a syntax error names the
 * offending element in `<bad-element>`).
 */
import type { ApiReply } from '../types.js';
import { element, leaf, type JunosElement } from '../../personalities/juniper-junos/rpc/tree.js';

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request Entity Too Large',
  503: 'Service Unavailable',
};

/** lighttpd's error page for `status`. */
export function lighttpdError(status: number, headers: Record<string, string> = {}): ApiReply {
  const title = `${status} - ${REASONS[status] ?? 'Error'}`;
  const body = [
    '<?xml version="1.0" encoding="iso-8859-1"?>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"',
    '         "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">',
    ' <head>',
    `  <title>${title}</title>`,
    ' </head>',
    ' <body>',
    `  <h1>${title}</h1>`,
    ' </body>',
    '</html>',
    '',
  ].join('\n');
  return { status, headers: { 'content-type': 'text/html', ...headers }, body, commands: [] };
}

/**
 * The realm lighttpd's basic auth challenges with. Not confirmed by a capture: clients only need
 * the 401 and a `Basic` challenge.
 */
export const AUTH_REALM = 'Junos REST API';

export interface RpcFailure {
  /** HTTP status the service answers with. */
  status: number;
  error: JunosElement;
}

/** `<rpc-error>` as mgd words it: `syntax error` plus the element it tripped on. */
export function rpcError(
  message: string,
  options: { badElement?: string; tag?: string; type?: string } = {},
): JunosElement {
  return element('rpc-error', [
    leaf('error-type', options.type ?? 'protocol'),
    leaf('error-tag', options.tag ?? 'operation-failed'),
    leaf('error-severity', 'error'),
    leaf('error-message', message),
    ...(options.badElement === undefined
      ? []
      : [element('error-info', [leaf('bad-element', options.badElement)])]),
  ]);
}

/** An RPC (or argument) mgd does not know: HTTP 500, as the REST service relays mgd's failures. */
export const syntaxError = (badElement: string): RpcFailure => ({
  status: 500,
  error: rpcError('syntax error', { badElement }),
});

/** A body that is not XML: refused before any RPC runs. */
export const malformedBody = (detail: string): RpcFailure => ({
  status: 400,
  error: rpcError(`XML parse error: ${detail}`, { tag: 'malformed-message' }),
});

/**
 * A request or reply over labfleet's limits (limits.ts): RFC 6241's `too-big` tag, which RESTCONF
 * maps to 413. Junos documents no such limit; the wording is ours.
 */
export const tooBig = (message: string): RpcFailure => ({
  status: 413,
  error: rpcError(message, { tag: 'too-big' }),
});

/** An RPC that ran and failed (`device ge-9/9/9 not found`): HTTP 500 with mgd's application error. */
export const operationFailed = (message: string): RpcFailure => ({
  status: 500,
  error: rpcError(message, { type: 'application' }),
});
