/**
 * A plain check of the two big lists, `nodes` and `links`, for the common case where every entry
 * is plainly valid: zod builds a result object per entry, which for 100,000 nodes and 150,000
 * links costs more than everything else in validation. It decides only "plainly valid"; anything
 * else (any doubt at all) goes to the full schema, so diagnostics are the schema's, unchanged.
 */
import { PLATFORMS } from './kinds/index.js';
import { HOSTNAME_PATTERN, NodeSchema, RESERVED_NAMES, TopologySchema, type RawTopology } from './schema.js';

const HOSTNAME = new RegExp(HOSTNAME_PATTERN);
const KINDS: ReadonlySet<string> = new Set(PLATFORMS);

const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

const isText = (value: unknown, min = 0): boolean => typeof value === 'string' && value.length >= min;

function isLabels(value: unknown): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) if (typeof value[key] !== 'string') return false;
  return true;
}

const isLagNumber = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4096;

/** The keys a node may have that this check reads itself; any other sends the node to the schema. */
function plainNode(value: Record<string, unknown>): boolean | undefined {
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'kind':
        if (typeof v !== 'string' || !KINDS.has(v)) return false;
        break;
      case 'model':
      case 'serial':
      case 'version':
        if (!isText(v, 1)) return false;
        break;
      case 'mgmt':
        if (!isText(v)) return false;
        break;
      case 'labels':
        if (!isLabels(v)) return false;
        break;
      default:
        return undefined;
    }
  }
  return true;
}

function plainLink(value: unknown): boolean {
  if (!isPlain(value)) return false;
  let endpoints = false;
  for (const key in value) {
    const v = value[key];
    switch (key) {
      case 'endpoints':
        if (!Array.isArray(v) || v.length !== 2 || !isText(v[0]) || !isText(v[1])) return false;
        endpoints = true;
        break;
      case 'lag':
        if (
          !isLagNumber(v) &&
          !(Array.isArray(v) && v.length === 2 && isLagNumber(v[0]) && isLagNumber(v[1]))
        )
          return false;
        break;
      case 'labels':
        if (!isLabels(v)) return false;
        break;
      default:
        return false;
    }
  }
  return endpoints;
}

/**
 * The schema's result when the file is plainly valid: the rest of the file through the schema,
 * the big lists checked here. Undefined means "ask the full schema" (it may still be valid).
 */
export function parsePlainTopology(data: unknown): RawTopology | undefined {
  if (!isPlain(data) || !isPlain(data.nodes)) return undefined;
  const { nodes, links } = data;
  if (links !== undefined && !Array.isArray(links)) return undefined;
  const checked: RawTopology['nodes'] = {};
  for (const name in nodes) {
    if (!HOSTNAME.test(name) || RESERVED_NAMES.has(name)) return undefined;
    const node = nodes[name];
    if (node === null) {
      checked[name] = null;
      continue;
    }
    if (!isPlain(node)) return undefined;
    const plain = plainNode(node);
    if (plain === false) return undefined;
    if (plain) {
      checked[name] = node;
      continue;
    }
    const parsed = NodeSchema.safeParse(node);
    if (!parsed.success) return undefined;
    checked[name] = parsed.data;
  }
  if (links && !links.every(plainLink)) return undefined;
  const rest = TopologySchema.safeParse({ ...data, nodes: {}, ...(links ? { links: [] } : {}) });
  if (!rest.success) return undefined;
  return {
    ...rest.data,
    nodes: checked,
    ...(links ? { links: links as NonNullable<RawTopology['links']> } : {}),
  };
}
