/**
 * Arista eAPI: JSON-RPC 2.0 `runCmds` on `POST /command-api`, behind nginx as on the box. Any
 * content type is read as JSON (EOS does not look at it: pyeapi sends `application/json-rpc`,
 * curl users `application/json`); other paths and methods get nginx's answers.
 */
import type { RestApi } from '../types.js';
import { errorReply, isJsonRpcError, nginxPage, replyTooLarge, UNAUTHORIZED_TEXT } from './errors.js';
import { readRunCmds } from './request.js';
import { runCmds } from './run-cmds.js';

const ENDPOINTS = new Set(['/command-api', '/command-api/']);

export const eapi: RestApi = {
  name: 'eapi',
  handle(request, device) {
    if (!ENDPOINTS.has(request.path)) return nginxPage(404, 'Not Found');
    if (request.method !== 'POST') return nginxPage(405, 'Not Allowed');
    const call = readRunCmds(request.body);
    if (isJsonRpcError(call)) return errorReply(call);
    return runCmds(call, device, request.user, request.replyLimit);
  },
  refuse(reason) {
    if (reason === 'unauthorized')
      return {
        status: 401,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: UNAUTHORIZED_TEXT,
        commands: [],
      };
    if (reason === 'body-too-large') return nginxPage(413, 'Request Entity Too Large');
    // nginx's limit_conn answers with its default status, 503, before the request reaches eAPI.
    if (reason === 'unavailable') return nginxPage(503, 'Service Temporarily Unavailable');
    if (reason === 'reply-too-large') return errorReply(replyTooLarge(null));
    return nginxPage(400, 'Bad Request');
  },
};
