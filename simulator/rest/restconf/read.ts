/**
 * GET on RESTCONF resources: the API root, the datastore and any data path under it. A target
 * with no data answers 204 No Content, as ConfD does (CDP off: nothing to show).
 */
import type { RenderContext } from '../../device/render-context.js';
import type { ApiReply } from '../types.js';
import { buildDatastore, selectTopLevel } from '../../personalities/cisco-ios/yang/index.js';
import { encode, encodeDatastore, type Format, type Rooted } from './encode.js';
import { invalidValue, keypathNotFound, malformed, type RestconfError } from './errors.js';
import { parseFields, pruneNodes, pruneTarget, type Selection } from './fields.js';
import { mediaType } from './media.js';
import { commandsFor } from '../../personalities/cisco-ios/yang/modules.js';
import { parseDataPath, resolvePath } from './path.js';
import { container, isEmpty, leaf } from '../../personalities/cisco-ios/yang/tree.js';

/** The revision of ietf-yang-library IOS-XE implements (RFC 7895). */
const YANG_LIBRARY_VERSION = '2016-06-21';

export type ReadResult = ApiReply | RestconfError;

const ok = (format: Format, body: string, commands: readonly string[]): ApiReply => ({
  status: 200,
  headers: { 'content-type': mediaType(format) },
  body,
  commands,
});

const noContent = (commands: readonly string[]): ApiReply => ({
  status: 204,
  headers: {},
  body: '',
  commands,
});

/** `GET /restconf`: the root resource (RFC 8040 §3.3). */
export function readRoot(format: Format): ApiReply {
  const root = container('restconf', [
    container('data', []),
    container('operations', []),
    leaf('yang-library-version', YANG_LIBRARY_VERSION),
  ]);
  return ok(format, encode(format, [{ node: root, module: 'ietf-restconf' }]), []);
}

/** `GET /restconf/yang-library-version` and `/restconf/operations` (IOS-XE exposes no RPCs here). */
export function readRootChild(format: Format, name: string): ReadResult {
  if (name === 'yang-library-version') {
    return ok(
      format,
      encode(format, [{ node: leaf(name, YANG_LIBRARY_VERSION), module: 'ietf-restconf' }]),
      [],
    );
  }
  if (name === 'operations')
    return ok(format, encode(format, [{ node: container(name, []), module: 'ietf-restconf' }]), []);
  return keypathNotFound();
}

const QUERY_PARAMETERS = new Set(['fields', 'depth', 'content', 'with-defaults']);

/** The `fields` selection, or the error its query earns; `depth`, `content` and `with-defaults` are accepted and ignored. */
function querySelection(query: URLSearchParams): Selection | undefined | RestconfError {
  for (const name of query.keys()) {
    if (!QUERY_PARAMETERS.has(name)) return invalidValue(`invalid query parameter: ${name}`);
  }
  const fields = query.get('fields');
  if (fields === null) return undefined;
  return parseFields(fields) ?? invalidValue(`invalid value for query parameter fields: ${fields}`);
}

const isError = (value: unknown): value is RestconfError =>
  typeof value === 'object' && value !== null && 'tag' in value && 'status' in value;

/** `GET /restconf/data`: every top-level node (those `fields` names, when given). */
export function readDatastore(ctx: RenderContext, format: Format, query: URLSearchParams): ReadResult {
  const selection = querySelection(query);
  if (isError(selection)) return selection;
  const names = selection ? [...selection.keys()] : undefined;
  const roots = buildDatastore(ctx, names);
  const kept = selection ? roots.filter((r) => pruneNodes([r.node], selection).length > 0) : roots;
  const pruned: Rooted[] = kept.map((r) => ({
    module: r.module,
    node: selection ? pruneNodes([r.node], selection)[0]! : r.node,
  }));
  return ok(format, encodeDatastore(format, pruned), commandsFor(pruned.map((r) => r.module)));
}

/** `GET /restconf/data/<path>`: the node the path names, qualified by its module. */
export function readData(
  ctx: RenderContext,
  format: Format,
  rawPath: string,
  query: URLSearchParams,
): ReadResult {
  const parsed = parseDataPath(rawPath);
  if (!parsed.ok) return malformed(parsed.message);
  const selection = querySelection(query);
  if (isError(selection)) return selection;
  const first = parsed.segments[0];
  if (!first) return readDatastore(ctx, format, query);
  const roots = selectTopLevel(ctx, first.name, first.module);
  const resolved = resolvePath(
    roots.map((r) => r.node),
    parsed.segments,
  );
  if (!resolved.ok) {
    return resolved.status === 404
      ? keypathNotFound()
      : { status: 400, type: 'application', tag: resolved.tag, message: resolved.message };
  }
  const top = roots.find((r) => r.node.name === first.name && (!first.module || r.module === first.module))!;
  const commands = commandsFor([top.module]);
  const { node, module } = resolved.target;
  if (isEmpty(node)) return noContent(commands);
  const target = selection ? pruneTarget(node, selection) : node;
  return ok(format, encode(format, [{ node: target, module }]), commands);
}
