/**
 * The pages nginx (NX-API's front end) answers with before a request reaches NX-API: wrong
 * method, unknown path, bad credentials, oversized body. Text and version as captured from a
 * Nexus (greenpau/go-cisco-nx-api assets/requests/resp.error.401.unauthorized.txt, …405…);
 * nginx ends each line with CRLF.
 */
import type { ApiReply } from '../types.js';

const NGINX = 'nginx/1.7.10';

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Authorization Required',
  404: 'Not Found',
  405: 'Not Allowed',
  413: 'Request Entity Too Large',
  503: 'Service Temporarily Unavailable',
};

/** nginx's built-in error page for `status`. */
export function nginxPage(status: number, extraHeaders: Record<string, string> = {}): ApiReply {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const body = [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body bgcolor="white">',
    `<center><h1>${title}</h1></center>`,
    `<hr><center>${NGINX}</center>`,
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
  return {
    status,
    headers: { 'content-type': 'text/html', server: NGINX, ...extraHeaders },
    body,
    commands: [],
  };
}
