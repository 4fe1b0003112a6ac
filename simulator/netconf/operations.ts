/**
 * The base operations of RFC 6241 §7 and §8 over a platform's data: get, get-config (running or
 * candidate, subtree or XPath filter), edit-config (operations, default-operation, test-option,
 * error-option), lock/unlock between sessions, commit, discard-changes, validate, close-session and
 * kill-session. Anything else goes to the platform's own RPCs. Each answers with what it costs
 * (the CLI command it amounts to) and a result computed when the reply is due.
 */
import {
  candidateOf,
  cloneConfig,
  commitCandidate,
  datastoresOf,
  discardCandidate,
  type DatastoreName,
} from '../device/datastores.js';
import type { DeviceConfig, RenderContext } from '../device/render-context.js';
import type { DeviceRuntime } from '../device/runtime.js';
import {
  badElement,
  inUse,
  invalidValue,
  lockDenied,
  missingElement,
  operationFailed,
  operationNotSupported,
  type RpcError,
} from './errors.js';
import { applySubtree, selectedNames, xpathToSubtree } from './filter.js';
import type { DefaultOperation, NetconfPlatform, RpcOutcome } from './platform.js';
import { attributeOf, childOf, el, type XmlElement } from './xml.js';

export interface OperationCall {
  rpc: XmlElement;
  operation: XmlElement;
  device: DeviceRuntime;
  platform: NetconfPlatform;
  session: { id: number };
  /** Another live session of the device, by id (for kill-session). */
  peer(id: number): { end(): void } | undefined;
  user: string;
}

export interface Operation {
  /** The CLI command the operation amounts to (its latency). */
  command: string;
  /** The reply, computed when it is due. */
  result(): RpcOutcome;
  /** close-session: the session ends once the reply is sent. */
  thenClose?: boolean;
}

const fail = (...errors: RpcError[]): RpcOutcome => ({ errors });
const OK: RpcOutcome = { ok: true };
const at = (command: string, result: () => RpcOutcome, thenClose = false): Operation => ({
  command,
  result,
  ...(thenClose ? { thenClose } : {}),
});

export function runOperation(call: OperationCall): Operation {
  const { operation, platform } = call;
  const vendor = Object.hasOwn(platform.rpcs ?? {}, operation.name)
    ? platform.rpcs![operation.name]
    : undefined;
  if (vendor) {
    return at(vendor.command(operation), () =>
      vendor.run({
        operation,
        device: call.device,
        ctx: call.device.renderContext(),
        session: { id: call.session.id, user: call.user },
      }),
    );
  }
  switch (operation.name) {
    case 'get':
      return retrieve(call, 'get');
    case 'get-config':
      return retrieve(call, 'get-config');
    case 'edit-config':
      return at('configure terminal', () => editConfig(call));
    case 'lock':
      return at('lock', () => lock(call));
    case 'unlock':
      return at('unlock', () => unlock(call));
    case 'commit':
      return at('commit', () => commit(call));
    case 'discard-changes':
      return at('discard-changes', () => discard(call));
    case 'validate':
      return at('validate', () => validate(call));
    case 'close-session':
      return at('close-session', () => OK, true);
    case 'kill-session':
      return at('kill-session', () => killSession(call));
    case 'copy-config':
    case 'delete-config':
    case 'cancel-commit':
      return at(operation.name, () => fail(operationNotSupported(`${operation.name} is not supported`)));
    default:
      return at(operation.name, () =>
        fail(
          platform.unknownRpc?.(operation.name) ??
            operationNotSupported(`unknown operation <${operation.name}>`, 'rpc'),
        ),
      );
  }
}

/** `<source>`/`<target>`: the one datastore it names, if the platform has it. */
function datastoreIn(
  call: OperationCall,
  parameter: 'source' | 'target',
): { name: DatastoreName } | { error: RpcError } {
  const holder = childOf(call.operation, parameter);
  if (!holder) return { error: missingElement(parameter) };
  const named = holder.children[0];
  if (!named || holder.children.length !== 1) return { error: missingElement(parameter) };
  if (named.name === 'running') return { name: 'running' };
  if (
    (named.name === 'candidate' || named.name === 'startup') &&
    call.platform.datastores.includes(named.name)
  )
    return { name: named.name };
  if (named.name === 'url' || named.name === 'config')
    return { error: operationNotSupported(`<${named.name}> as ${parameter} is not supported`) };
  return { error: badElement(named.name, `datastore ${named.name} is not supported`) };
}

/** The configuration a datastore holds. */
function configOf(device: DeviceRuntime, name: DatastoreName): DeviceConfig {
  if (name === 'candidate') return datastoresOf(device).candidate ?? device.config();
  return device.config();
}

/** The filter's top-level nodes, undefined for no filter, or the error a bad one earns. */
function filterOf(call: OperationCall): XmlElement[] | undefined | RpcError {
  const filter = childOf(call.operation, 'filter');
  if (!filter) return undefined;
  const type = attributeOf(filter, 'type') ?? 'subtree';
  if (type === 'subtree') return [...filter.children];
  if (type !== 'xpath' || !call.platform.xpath)
    return {
      ...badElement('filter', `filter type ${type} is not supported`),
      tag: 'bad-attribute',
      info: [
        ['bad-attribute', 'type'],
        ['bad-element', 'filter'],
      ],
    };
  const select = attributeOf(filter, 'select');
  if (select === undefined)
    return {
      type: 'protocol',
      tag: 'missing-attribute',
      info: [
        ['bad-attribute', 'select'],
        ['bad-element', 'filter'],
      ],
    };
  const namespaces = new Map<string, string>();
  for (const node of [call.rpc, call.operation, filter])
    for (const [k, v] of node.attributes) if (k.startsWith('xmlns:')) namespaces.set(k.slice(6), v);
  const converted = xpathToSubtree(select, namespaces);
  return converted.ok ? converted.filter : invalidValue(converted.message);
}

const isError = (value: unknown): value is RpcError =>
  typeof value === 'object' && value !== null && 'tag' in value && 'type' in value;

function retrieve(call: OperationCall, kind: 'get' | 'get-config'): Operation {
  const filter = filterOf(call);
  const source = kind === 'get-config' ? datastoreIn(call, 'source') : { name: 'running' as const };
  const names = Array.isArray(filter) ? selectedNames(filter) : [];
  const command = call.platform.commandFor(kind, names);
  return at(command, () => {
    if (isError(filter)) return fail(filter);
    if ('error' in source) return fail(source.error);
    const ctx: RenderContext = { ...call.device.renderContext(), config: configOf(call.device, source.name) };
    // Only the trees the filter can select are built: a CDP <get> does not pay for the rest.
    const data = kind === 'get' ? call.platform.state(ctx, filter) : call.platform.config(ctx, filter);
    const selected = filter === undefined ? data : applySubtree(data, filter);
    return { reply: [el('data', selected)] };
  });
}

const DEFAULT_OPERATIONS = new Set(['merge', 'replace', 'none']);
const TEST_OPTIONS = new Set(['test-then-set', 'set', 'test-only']);
const ERROR_OPTIONS = new Set(['stop-on-error', 'continue-on-error', 'rollback-on-error']);

/** Another session's lock on a datastore, as the error a write to it earns. */
function lockedByOther(call: OperationCall, name: DatastoreName): RpcError | undefined {
  const holder = datastoresOf(call.device).locks[name];
  return holder !== undefined && holder !== call.session.id ? inUse() : undefined;
}

/**
 * Edits are all or nothing whatever the error-option: the platform edits a copy, kept only when
 * every node applied (rollback-on-error's outcome, which stop-on-error also leaves when the
 * failing node is the first).
 */
function editConfig(call: OperationCall): RpcOutcome {
  const target = datastoreIn(call, 'target');
  if ('error' in target) return fail(target.error);
  if (target.name === 'running' && !call.platform.writableRunning)
    return fail(
      operationNotSupported('the running datastore is not writable; edit the candidate and commit'),
    );
  const locked = lockedByOther(call, target.name);
  if (locked) return fail(locked);
  const option = (name: string, allowed: Set<string>, fallback: string): string | RpcError => {
    const value = childOf(call.operation, name)?.text.trim() ?? fallback;
    return allowed.has(value)
      ? value
      : badElement(name, `"${value}" is not one of ${[...allowed].join(', ')}`);
  };
  const defaultOperation = option('default-operation', DEFAULT_OPERATIONS, 'merge');
  const testOption = option('test-option', TEST_OPTIONS, 'test-then-set');
  const errorOption = option('error-option', ERROR_OPTIONS, 'stop-on-error');
  for (const value of [defaultOperation, testOption, errorOption]) if (isError(value)) return fail(value);
  const config = childOf(call.operation, 'config');
  if (!config) {
    if (childOf(call.operation, 'url')) return fail(operationNotSupported('<url> is not supported'));
    return fail(missingElement('config'));
  }
  const current = target.name === 'candidate' ? candidateOf(call.device) : call.device.config();
  const copy = cloneConfig(current);
  const error = call.platform.edit(copy, {
    nodes: config.children,
    defaultOperation: defaultOperation as DefaultOperation,
    ctx: call.device.renderContext(),
  });
  if (error) return fail(error);
  if (testOption === 'test-only') return OK;
  current.hostname = copy.hostname;
  current.interfaces = copy.interfaces;
  current.lines = copy.lines;
  return OK;
}

function lockTarget(call: OperationCall): { name: DatastoreName } | { error: RpcError } {
  return datastoreIn(call, 'target');
}

function lock(call: OperationCall): RpcOutcome {
  const target = lockTarget(call);
  if ('error' in target) return fail(target.error);
  const stores = datastoresOf(call.device);
  const holder = stores.locks[target.name];
  if (holder !== undefined) return fail(lockDenied(holder));
  // RFC 6241 §7.5: a candidate changed and not committed cannot be locked (nobody holds it).
  if (target.name === 'candidate' && stores.candidate !== undefined)
    return fail(lockDenied(0, 'the candidate has uncommitted changes'));
  stores.locks[target.name] = call.session.id;
  return OK;
}

function unlock(call: OperationCall): RpcOutcome {
  const target = lockTarget(call);
  if ('error' in target) return fail(target.error);
  const stores = datastoresOf(call.device);
  if (stores.locks[target.name] !== call.session.id)
    return fail(operationFailed(`the ${target.name} datastore is not locked by this session`, 'protocol'));
  delete stores.locks[target.name];
  if (target.name === 'candidate') discardCandidate(call.device);
  return OK;
}

function commit(call: OperationCall): RpcOutcome {
  if (!call.platform.datastores.includes('candidate'))
    return fail(
      operationNotSupported('commit needs the :candidate capability, which this device does not have'),
    );
  const locked = lockedByOther(call, 'running') ?? lockedByOther(call, 'candidate');
  if (locked) return fail(locked);
  if (childOf(call.operation, 'confirmed'))
    return fail(operationNotSupported('confirmed commit is not supported'));
  commitCandidate(call.device);
  return OK;
}

function discard(call: OperationCall): RpcOutcome {
  if (!call.platform.datastores.includes('candidate'))
    return fail(operationNotSupported('discard-changes needs the :candidate capability'));
  const locked = lockedByOther(call, 'candidate');
  if (locked) return fail(locked);
  discardCandidate(call.device);
  return OK;
}

function validate(call: OperationCall): RpcOutcome {
  const source = childOf(call.operation, 'source');
  if (!source) return fail(missingElement('source'));
  const inline = childOf(source, 'config');
  if (!inline) {
    const named = datastoreIn(call, 'source');
    return 'error' in named ? fail(named.error) : OK;
  }
  const error = call.platform.edit(cloneConfig(call.device.config()), {
    nodes: inline.children,
    defaultOperation: 'merge',
    ctx: call.device.renderContext(),
  });
  return error ? fail(error) : OK;
}

/** Ends another session; its locks are released and its candidate changes, if it locked it, dropped. */
function killSession(call: OperationCall): RpcOutcome {
  const param = childOf(call.operation, 'session-id');
  if (!param) return fail(missingElement('session-id'));
  const id = Number(param.text.trim());
  if (!Number.isInteger(id) || id <= 0)
    return fail(invalidValue(`"${param.text.trim()}" is not a session id`));
  if (id === call.session.id) return fail(invalidValue('a session cannot kill itself; use close-session'));
  const victim = call.peer(id);
  if (!victim) return fail(invalidValue(`no session ${id}`));
  victim.end();
  return OK;
}
