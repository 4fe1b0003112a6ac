/**
 * Junos's NETCONF (`set system services netconf ssh`): the hello of a box without `rfc-compliant`
 * (base:1.0 only, both the `urn:ietf:params:netconf:` and the old `urn:ietf:params:xml:ns:netconf:`
 * spellings, Juniper's own URIs; captures of `ssh -s netconf` on 18.x boxes) after mgd's two XML
 * comments, replies carrying `xmlns:junos` with the release, and the operational RPCs of the
 * REST API's catalogue (same builders), `<command>`, and the configuration RPCs PyEZ's `Config` and
 * ncclient's Junos handler send, over the shared candidate (device/datastores.ts).
 */
import { candidateOf, cloneConfig, commitCandidate, datastoresOf } from '../../device/datastores.js';
import type { DeviceConfig, RenderContext } from '../../device/render-context.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { interpret } from '../../engine/interpret.js';
import { renderMacDotted } from '../../state/mac.js';
import { personalityFor } from '../../personalities/index.js';
import { applyConfigLine, textToSetLines } from '../../personalities/juniper-junos/config-edit.js';
import {
  junosConfiguration,
  renderShowConfiguration,
  type ConfigStatement,
} from '../../personalities/juniper-junos/render/configuration.js';
import {
  renderConfigurationJson,
  renderConfigurationSet,
} from '../../personalities/juniper-junos/render/config-formats.js';
import { isVirtualChassis, junosModel } from '../../personalities/juniper-junos/render/chassis.js';
import {
  cliRpcOf,
  RPCS as CATALOGUE,
  rpcServed,
  type RpcArgs,
} from '../../personalities/juniper-junos/rpc/catalogue.js';
import {
  buildInterfaceInformation,
  interfaceNameError,
} from '../../personalities/juniper-junos/rpc/interfaces.js';
import { namespaceRelease, perMemberElement } from '../../personalities/juniper-junos/rpc/namespaces.js';
import {
  element,
  leaf,
  renderJunosJson,
  type JunosElement,
} from '../../personalities/juniper-junos/rpc/tree.js';
import { inUse, operationNotSupported, type RpcError } from '../errors.js';
import { applySubtree, wantsTop } from '../filter.js';
import type { EditRequest, NetconfPlatform, RpcOutcome, VendorCall, VendorRpc } from '../platform.js';
import { BASE_1_0 } from '../session.js';
import { attributeOf, childOf, el, type XmlElement } from '../xml.js';

/** mgd's `syntax error` naming the element it tripped on (an unknown RPC, argument or word). */
export function syntaxError(badElement: string): RpcError {
  return {
    type: 'protocol',
    tag: 'operation-failed',
    message: 'syntax error',
    info: [['bad-element', badElement]],
  };
}

/** An RPC that ran and failed (`device ge-9/9/9 not found`). */
const applicationError = (message: string): RpcError => ({
  type: 'application',
  tag: 'operation-failed',
  message,
});

const fail = (...errors: RpcError[]): RpcOutcome => ({ errors });

/** A reply element tree as NETCONF XML: `xmlns` attributes become the element's namespace. */
export function junosToXml(node: JunosElement, top = true): XmlElement {
  // The rpc-reply declares `xmlns:junos`; REST's per-element copy of it is dropped.
  const attributes = (node.attributes ?? []).filter(([k]) => !(top && k === 'xmlns:junos'));
  const ns = attributes.find(([k]) => k === 'xmlns')?.[1];
  return el(node.name, node.children ? node.children.map((c) => junosToXml(c, false)) : (node.text ?? ''), {
    attributes,
    ...(ns === undefined ? {} : { ns }),
  });
}

/** One CLI line run as an API session (paging off, operational mode). */
function runCli(
  device: DeviceRuntime,
  line: string,
  user: string,
): { output: string; failed: boolean; canonical: string; args: Readonly<Record<string, string>> } {
  const personality = personalityFor(device)!;
  const session = { mode: personality.execMode, user, terminal: { length: 0, width: 511 } };
  const step = interpret(line, session, device, personality, 0);
  if (!step) return { output: '', failed: false, canonical: '', args: {} };
  return {
    output: step.result.output ?? '',
    failed: step.failed,
    canonical: step.canonical,
    args: step.args ?? {},
  };
}

/** The word under the caret of a CLI error: what mgd names as `bad-element` for `<command>`. */
function badWord(line: string, output: string): string {
  const caret = output.split('\n').find((l) => /^\s*\^\s*$/.test(l));
  const column = caret === undefined ? -1 : caret.indexOf('^');
  if (column >= 0) {
    const rest = line.slice(column).match(/^\S+/);
    if (rest) return rest[0];
  }
  return line.trim().split(/\s+/).pop() ?? line;
}

const output = (text: string) => el('output', text.endsWith('\n') ? text : `${text}\n`);

/** Arguments as child elements, checked against the catalogue's as the REST API checks them. */
function argsOf(
  operation: XmlElement,
  params: Readonly<Record<string, 'flag' | 'value'>>,
): RpcArgs | RpcError {
  const args = new Map<string, string | undefined>();
  for (const child of operation.children) {
    const kind = Object.hasOwn(params, child.name) ? params[child.name] : undefined;
    const value = child.text.trim() === '' ? undefined : child.text.trim();
    if (!kind || (kind === 'value' && value === undefined)) return syntaxError(child.name);
    if (kind === 'flag' && value !== undefined) return syntaxError(value);
    args.set(child.name, value);
  }
  return args;
}

const isError = (value: unknown): value is RpcError =>
  typeof value === 'object' && value !== null && 'tag' in value && 'type' in value;

/** `format="text|json|xml"` of an RPC (`ascii` is Junos's other name for text). */
function formatOf(operation: XmlElement): 'xml' | 'text' | 'json' {
  const format = attributeOf(operation, 'format')?.toLowerCase();
  if (format === 'text' || format === 'ascii') return 'text';
  if (format === 'json') return 'json';
  return 'xml';
}

/** A built reply in the format the RPC asked for. */
function answer(reply: JunosElement, format: 'xml' | 'json', ctx: RenderContext): RpcOutcome {
  if (format === 'json') {
    const attributes = (reply.attributes ?? []).filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'));
    return { reply: [], text: `\n${renderJunosJson({ ...reply, attributes })}` };
  }
  void ctx;
  return { reply: [junosToXml(reply)] };
}

/** An operational RPC of the catalogue. */
function catalogueRpc(name: string): VendorRpc {
  return {
    command: (operation) => {
      const spec = CATALOGUE[name];
      const args = spec ? argsOf(operation, spec.params) : undefined;
      return spec && args && !isError(args) ? spec.command(args) : name;
    },
    run: ({ operation, device, ctx, session }) => {
      const spec = rpcServed(ctx, name);
      if (!spec) return fail(syntaxError(name));
      const args = argsOf(operation, spec.params);
      if (isError(args)) return fail(args);
      const refused = spec.refuse?.(ctx, args);
      if (refused !== undefined) return fail(applicationError(refused));
      const format = formatOf(operation);
      if (format === 'text')
        return { reply: [output(runCli(device, spec.command(args), session.user).output)] };
      return answer(spec.build(ctx, args), format, ctx);
    },
  };
}

/** `<command format=…>show version</command>`: the CLI line; its structured reply where it has one. */
const commandRpc: VendorRpc = {
  command: (operation) => operation.text.trim(),
  run: ({ operation, device, ctx, session }) => {
    const line = operation.text.trim();
    const run = runCli(device, line, session.user);
    if (run.failed) return fail(syntaxError(badWord(line, run.output)));
    const format = formatOf(operation);
    if (format === 'text') return { reply: [output(run.output)] };
    const cli = cliRpcOf(run.canonical, run.args);
    const spec = cli && rpcServed(ctx, cli.rpc);
    if (cli && spec) return answer(spec.build(ctx, cli.args), format, ctx);
    if (run.canonical === 'show configuration') return { reply: [configurationXml(ctx, 'committed')] };
    return { reply: [output(run.output)] };
  },
};

/** A configuration statement as XML (`<interface><name>ge-0/0/1</name>…`). */
function statementXml(s: ConfigStatement): XmlElement {
  if (s.value !== undefined) return el(s.name, s.value);
  const children = [
    ...(s.key === undefined ? [] : [el('name', s.key)]),
    ...(s.children ?? []).map(statementXml),
  ];
  return el(s.name, children);
}

/** `<configuration>` of a configuration: committed ones carry the commit stamp, the candidate its change. */
function configurationXml(ctx: RenderContext, database: 'committed' | 'candidate'): XmlElement {
  const config = junosConfiguration(ctx);
  const { seconds, localtime, user } = config.commit;
  const attributes: Array<readonly [string, string]> =
    database === 'committed'
      ? [
          ['junos:commit-seconds', String(seconds)],
          ['junos:commit-localtime', localtime],
          ['junos:commit-user', user],
        ]
      : [
          ['junos:changed-seconds', String(seconds)],
          ['junos:changed-localtime', localtime],
        ];
  return el('configuration', config.statements.map(statementXml), { attributes });
}

function contextFor(device: DeviceRuntime, database: 'committed' | 'candidate'): RenderContext {
  const ctx = device.renderContext();
  if (database === 'committed') return ctx;
  return { ...ctx, config: datastoresOf(device).candidate ?? ctx.config };
}

/**
 * `show | compare rollback 0`: the candidate's set lines against running's, as Junos's diff prints
 * them (`[edit system]`, then `-  host-name r1;` / `+  host-name r2;`). Only rollback 0 (running)
 * is kept, so every rollback number compares with it.
 */
function compareRollback(running: RenderContext, candidate: RenderContext): string {
  const linesOf = (ctx: RenderContext) => renderConfigurationSet(junosConfiguration(ctx)).split('\n');
  const before = linesOf(running);
  const after = linesOf(candidate);
  const removed = before.filter((l) => !after.includes(l)).map((l) => ['-', l] as const);
  const added = after.filter((l) => !before.includes(l)).map((l) => ['+', l] as const);
  const groups = new Map<string, string[]>();
  for (const [sign, line] of [...removed, ...added]) {
    const words = line.replace(/^set /, '').split(' ');
    const cut = words.length >= 3 ? words.length - 2 : Math.max(words.length - 1, 1);
    const header = `[edit ${words.slice(0, cut).join(' ')}]`;
    groups.set(header, [...(groups.get(header) ?? []), `${sign}  ${words.slice(cut).join(' ')};`]);
  }
  return `\n${[...groups].map(([header, lines]) => [header, ...lines].join('\n')).join('\n')}${groups.size ? '\n' : ''}`;
}

/** `<get-configuration database=… format=…>`, a `<configuration>` subtree as its filter. */
const getConfiguration: VendorRpc = {
  command: () => 'show configuration',
  run: ({ operation, device }) => {
    const database = attributeOf(operation, 'database') === 'committed' ? 'committed' : 'candidate';
    const ctx = contextFor(device, database);
    const format = attributeOf(operation, 'format')?.toLowerCase() ?? 'xml';
    const filter = childOf(operation, 'configuration');
    for (const child of operation.children)
      if (child.name !== 'configuration') return fail(syntaxError(child.name));
    if (attributeOf(operation, 'compare') === 'rollback')
      return {
        reply: [
          el('configuration-information', [
            el(
              'configuration-output',
              compareRollback(device.renderContext(), contextFor(device, 'candidate')),
            ),
          ]),
        ],
      };
    if (format === 'text') return { reply: [el('configuration-text', `${renderShowConfiguration(ctx)}\n`)] };
    if (format === 'set')
      return { reply: [el('configuration-set', `${renderConfigurationSet(junosConfiguration(ctx))}\n`)] };
    if (format === 'json')
      return { reply: [], text: `\n${renderConfigurationJson(junosConfiguration(ctx))}\n` };
    if (format !== 'xml') return fail(applicationError(`invalid format: ${format}`));
    const whole = configurationXml(ctx, database);
    if (!filter || filter.children.length === 0) return { reply: [whole] };
    const kept = applySubtree([whole], [filter])[0];
    return { reply: [kept ?? el('configuration', [], { attributes: whole.attributes })] };
  },
};

/** `<configuration>` XML as set lines: leaves carry their value, list entries their `<name>`. */
function xmlToSetLines(node: XmlElement, path: string[], out: string[]): void {
  const quote = (w: string) => (/[\s;{}"]/.test(w) || w === '' ? `"${w.replace(/"/g, '\\"')}"` : w);
  const operation =
    attributeOf(node, 'operation') ?? (attributeOf(node, 'delete') === 'delete' ? 'delete' : undefined);
  const key = childOf(node, 'name');
  const here = [...path, node.name, ...(key && key.children.length === 0 ? [quote(key.text.trim())] : [])];
  const rest = node.children.filter((c) => c !== key);
  if (operation === 'delete') {
    out.push(`delete ${here.join(' ')}`);
    return;
  }
  if (rest.length === 0) {
    const text = node.text.trim();
    if (text !== '' && !key) out.push(`set ${[...path, node.name, quote(text)].join(' ')}`);
    else out.push(`set ${here.join(' ')}`);
    return;
  }
  for (const child of rest) xmlToSetLines(child, here, out);
}

/** Applies set lines to `target`; the first refused line is the error. */
function applyLines(target: DeviceConfig, lines: readonly string[]): RpcError | undefined {
  for (const line of lines) {
    const refused = applyConfigLine(target, line);
    if (refused) return { ...applicationError(refused), info: [['bad-element', line]] };
  }
  return undefined;
}

/** Another session's lock on the candidate (`lock-configuration`). */
function lockedByOther(call: VendorCall): RpcError | undefined {
  const holder = datastoresOf(call.device).locks.candidate;
  return holder !== undefined && holder !== call.session.id ? inUse() : undefined;
}

/** `<load-configuration action=… format=…>` with `<configuration>`, `<configuration-text>` or `<configuration-set>`. */
const loadConfiguration: VendorRpc = {
  command: () => 'load merge terminal',
  run: (call) => {
    const { operation, device } = call;
    const locked = lockedByOther(call);
    if (locked) return fail(locked);
    const action = attributeOf(operation, 'action') ?? 'merge';
    if (!['merge', 'replace', 'override', 'set', 'update'].includes(action))
      return fail(applicationError(`invalid action: ${action}`));
    const lines: string[] = [];
    const text = childOf(operation, 'configuration-text');
    const set = childOf(operation, 'configuration-set');
    const xml = childOf(operation, 'configuration');
    if (set) lines.push(...set.text.split('\n').filter((l) => l.trim() !== ''));
    else if (text) {
      const converted = textToSetLines(text.text);
      if (!converted) return fail(syntaxError('configuration-text'));
      lines.push(...converted);
    } else if (xml) for (const child of xml.children) xmlToSetLines(child, [], lines);
    else return fail(applicationError('missing configuration data'));
    const candidate = candidateOf(device);
    const copy = cloneConfig(candidate);
    if (action === 'override') {
      copy.interfaces = new Map();
      copy.lines = [];
    }
    const error = applyLines(copy, lines);
    if (error) return fail(error);
    candidate.hostname = copy.hostname;
    candidate.interfaces = copy.interfaces;
    candidate.lines = copy.lines;
    return { reply: [el('load-configuration-results', [el('ok')])] };
  },
};

const commitConfiguration: VendorRpc = {
  command: () => 'commit',
  run: (call) => {
    const locked = lockedByOther(call);
    if (locked) return fail(locked);
    const check = childOf(call.operation, 'check') !== undefined;
    if (!check) commitCandidate(call.device);
    return { ok: true };
  },
};

const lockConfiguration: VendorRpc = {
  command: () => 'configure exclusive',
  run: (call) => {
    const stores = datastoresOf(call.device);
    const holder = stores.locks.candidate;
    if (holder !== undefined && holder !== call.session.id)
      return fail({
        type: 'protocol',
        tag: 'lock-denied',
        message: 'configuration database locked by another session',
        info: [['session-id', String(holder)]],
      });
    stores.locks.candidate = call.session.id;
    return { ok: true };
  },
};

const unlockConfiguration: VendorRpc = {
  command: () => 'exit configuration-mode',
  run: (call) => {
    const stores = datastoresOf(call.device);
    if (stores.locks.candidate !== call.session.id)
      return fail(applicationError('configuration database is not locked by this session'));
    delete stores.locks.candidate;
    return { ok: true };
  },
};

/** open-configuration/close-configuration: the shared candidate stands in for a private one. */
const openConfiguration: VendorRpc = { command: () => 'configure private', run: () => ({ ok: true }) };
const closeConfiguration: VendorRpc = { command: () => 'exit configuration-mode', run: () => ({ ok: true }) };

/** Uptime as route-engine `up-time` spells it: `119 days, 2 hours, 43 minutes, 6 seconds`. */
function longUptime(seconds: number): string {
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [seconds % 60, 'second'],
  ];
  const from = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(from < 0 ? 3 : from)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`)
    .join(', ');
}

/** The routing engine's model: the module `show chassis hardware` lists as `Routing Engine 0`. */
const RE_MODELS: Readonly<Record<string, string>> = { mx204: 'RE-S-1600x8', vmx: 'RE-VMX' };

/** `get-route-engine-information`: one RE, slot 0, master (capture of an 18.4 QFX's reply). */
function buildRouteEngine(ctx: RenderContext): JunosElement {
  const model = junosModel(ctx);
  const up = Math.floor(ctx.uptimeSeconds);
  const booted = ctx.now - up * 1000;
  const start = `${new Date(booted).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
  const mb = Math.round(model.memory / 1024 ** 2);
  return element(
    'route-engine-information',
    [
      element('route-engine', [
        leaf('slot', 0),
        leaf('mastership-state', 'master'),
        leaf('mastership-priority', 'Master (default)'),
        leaf('status', 'OK'),
        leaf('memory-dram-size', `${mb} MB`),
        leaf('memory-installed-size', `(${mb} MB installed)`),
        leaf('memory-buffer-utilization', 22),
        leaf('cpu-user', 2),
        leaf('cpu-background', 0),
        leaf('cpu-system', 3),
        leaf('cpu-interrupt', 0),
        leaf('cpu-idle', 95),
        leaf('model', RE_MODELS[model.platform] ?? model.name),
        leaf('serial-number', isVirtualChassis(ctx) ? ctx.state.serial : 'BUILTIN'),
        leaf('start-time', start, [['junos:seconds', String(Math.floor(booted / 1000))]]),
        leaf('up-time', longUptime(up), [['junos:seconds', String(up)]]),
        leaf('last-reboot-reason', 'Router rebooted after a normal shutdown.'),
        leaf('load-average-one', '0.04'),
        leaf('load-average-five', '0.04'),
        leaf('load-average-fifteen', '0.01'),
      ]),
    ],
    [['xmlns', `http://xml.juniper.net/junos/${namespaceRelease(ctx.state.version)}/junos-chassis`]],
  );
}

/**
 * `get-virtual-chassis-information`: an EX/QFX is a one-member virtual chassis (member 0, master);
 * another box's mgd refuses it as a QFX10008's does (`command is not valid on the qfx10008`).
 */
function buildVirtualChassis(ctx: RenderContext): JunosElement | string {
  const model = junosModel(ctx);
  if (!isVirtualChassis(ctx)) return `command is not valid on the ${model.platform}`;
  return element('virtual-chassis-information', [
    element('preprovisioned-virtual-chassis-information', [
      leaf('virtual-chassis-id', renderMacDotted(ctx.state.baseMac)),
      leaf('virtual-chassis-mode', 'Enabled'),
    ]),
    element(
      'member-list',
      [
        element('member', [
          leaf('member-status', 'Prsnt'),
          leaf('member-id', 0),
          leaf('fpc-slot', '(FPC 0)'),
          leaf('member-serial-number', ctx.state.serial),
          leaf('member-model', model.platform),
          leaf('member-priority', 128),
          leaf('member-mixed-mode', 'N'),
          leaf('member-route-mode', 'VC'),
          leaf('member-role', 'Master*'),
          element('neighbor-list', []),
        ]),
      ],
      [['junos:style', 'single-slot']],
    ),
  ]);
}

/** A size as `df -h` and Junos's `junos:format` print it: `1.3G`, `814M`, `76K`, `0B`. */
function humanSize(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 3, 'G'],
    [1024 ** 2, 'M'],
    [1024, 'K'],
  ];
  for (const [size, unit] of units)
    if (bytes >= size) {
      const n = bytes / size;
      return `${n < 10 ? n.toFixed(1).replace(/\.0$/, '') : Math.round(n)}${unit}`;
    }
  return `${bytes}B`;
}

/**
 * The file systems of a Junos with upgraded FreeBSD (EX/QFX, MX since 15.1): mount point, size
 * and use in 512-byte blocks. Fixed figures: the box's storage is not part of its derived state.
 */
const FILESYSTEMS: ReadonlyArray<readonly [name: string, mount: string, total: number, used: number]> = [
  ['/dev/gpt/junos', '/.mount', 2_796_512, 1_667_792],
  ['tmpfs', '/.mount/tmp', 903_168, 152],
  ['tmpfs', '/.mount/mfs', 903_168, 1_192],
  ['procfs', '/proc', 8, 8],
  ['/dev/gpt/config', '/.mount/config', 794_624, 120],
  ['/dev/gpt/var', '/.mount/var', 2_516_736, 194_560],
];

/**
 * `get-system-storage` (`show system storage`): one `filesystem` per mount, blocks with their
 * `junos:format`, `used-percent` right-aligned as df prints it (` 65`), `junos:style="brief"`;
 * per member on a virtual chassis (captures of EX `get-system-storage` replies).
 */
function buildSystemStorage(ctx: RenderContext): JunosElement {
  const blocks = (name: string, n: number) => leaf(name, n, [['junos:format', humanSize(n * 512)]]);
  const filesystems = FILESYSTEMS.map(([name, mount, total, used]) => {
    const available = Math.max(0, Math.floor(total * 0.92) - used);
    const percent = Math.ceil((used / (used + available || 1)) * 100);
    return element('filesystem', [
      leaf('filesystem-name', name),
      blocks('total-blocks', total),
      blocks('used-blocks', used),
      blocks('available-blocks', available),
      leaf('used-percent', String(percent).padStart(3)),
      leaf('mounted-on', mount),
    ]);
  });
  return perMemberElement(
    ctx,
    element('system-storage-information', filesystems, [['junos:style', 'brief']]),
  );
}

/**
 * `/etc/hosts.junos`: the internal routing instance's names PyEZ maps addresses with
 * (`master`, `re0`, `fpc0`); the addresses Junos gives them on its private instance. Not
 * confirmed by a capture of the file: PyEZ's iri_mapping reads only `address name…` lines.
 */
const HOSTS_JUNOS = [
  '#',
  '# Internal hosts for JUNOS',
  '#',
  '128.0.0.1\tmaster',
  '128.0.0.4\tre0',
  '128.0.0.5\tre1',
  '128.0.0.16\tfpc0',
  '',
].join('\n');

/** `__juniper_private1__`'s addresses: master and this RE (or member 0's FPC on a virtual chassis). */
function privateInterfaces(ctx: RenderContext): JunosElement {
  const vc = isVirtualChassis(ctx);
  const address = (local: string) => element('interface-address', [leaf('ifa-local', local)]);
  return element(
    'interface-information',
    [
      element('physical-interface', [
        leaf('name', vc ? 'bme0' : 'em1'),
        leaf('admin-status', 'up'),
        leaf('oper-status', 'up'),
        element('logical-interface', [
          leaf('name', vc ? 'bme0.0' : 'em1.0'),
          leaf('admin-status', 'up'),
          leaf('oper-status', 'up'),
          leaf('filter-information', ''),
          element('address-family', [
            leaf('address-family-name', 'inet'),
            address('128.0.0.1/2'),
            address(vc ? '128.0.0.16/2' : '128.0.0.4/2'),
          ]),
        ]),
      ]),
    ],
    [
      ['xmlns', `http://xml.juniper.net/junos/${namespaceRelease(ctx.state.version)}/junos-interface`],
      ['junos:style', 'terse'],
    ],
  );
}

/**
 * `<get-interface-information><detail/>` (`show interfaces detail`, what junos_facts' interfaces
 * subset sends): the normal reply's physical interfaces, which carry every field the detail view's
 * readers take (`admin-status`, `oper-status`, `speed`, `mtu`, `if-type`,
 * `hardware-physical-address`), styled `detail`. The detail view's extra counters are not modelled.
 */
function detailInterfaces(call: VendorCall, detail: XmlElement): RpcOutcome {
  let name: string | undefined;
  for (const child of call.operation.children) {
    if (child === detail) continue;
    if (child.name !== 'interface-name' || child.text.trim() === '') return fail(syntaxError(child.name));
    name = child.text.trim();
  }
  if (detail.text.trim() !== '') return fail(syntaxError(detail.text.trim()));
  const refused = interfaceNameError(call.ctx, name);
  if (refused !== undefined) return fail(applicationError(refused));
  const normal = buildInterfaceInformation(call.ctx, 'normal', name);
  const attributes = (normal.attributes ?? []).map(([k, v]) =>
    k === 'junos:style' ? ([k, 'detail'] as const) : ([k, v] as const),
  );
  return answer({ ...normal, attributes }, formatOf(call.operation) === 'json' ? 'json' : 'xml', call.ctx);
}

/** get-interface-information: the catalogue's, plus `detail` and the private routing instance PyEZ asks for. */
function interfacesRpc(): VendorRpc {
  const catalogue = catalogueRpc('get-interface-information');
  return {
    command: (operation) => {
      if (childOf(operation, 'routing-instance')) return 'show interfaces terse routing-instance';
      if (childOf(operation, 'detail')) {
        const name = childOf(operation, 'interface-name')?.text.trim();
        return name ? `show interfaces ${name} detail` : 'show interfaces detail';
      }
      return catalogue.command(operation);
    },
    run: (call) => {
      const instance = childOf(call.operation, 'routing-instance');
      const detail = childOf(call.operation, 'detail');
      if (!instance && detail && formatOf(call.operation) !== 'text') return detailInterfaces(call, detail);
      if (!instance) return catalogue.run(call);
      if (instance.text.trim() !== '__juniper_private1__' || !childOf(call.operation, 'terse'))
        return fail(applicationError(`routing instance ${instance.text.trim()} not found`));
      return { reply: [junosToXml(privateInterfaces(call.ctx))] };
    },
  };
}

const fileShow: VendorRpc = {
  command: (operation) => `file show ${childOf(operation, 'filename')?.text.trim() ?? ''}`,
  run: ({ operation }) => {
    const filename = childOf(operation, 'filename')?.text.trim();
    if (!filename) return fail(applicationError('missing mandatory argument: filename'));
    if (filename !== '/etc/hosts.junos')
      return fail(applicationError(`\ncould not resolve file: ${filename}\n`));
    return { reply: [el('file-content', `\n${HOSTS_JUNOS}`, { attributes: [['filename', filename]] })] };
  },
};

/** `file list ~`: the user's home directory, empty. */
const fileList: VendorRpc = {
  command: () => 'file list',
  run: ({ session }) => {
    const home = `/var/home/${session.user}/`;
    return {
      reply: [
        el('directory-list', [el('directory', [el('total-files', '0')], { attributes: [['name', home]] })], {
          attributes: [['root-path', home]],
        }),
      ],
    };
  },
};

function built(command: string, build: (ctx: RenderContext) => JunosElement | string): VendorRpc {
  return {
    command: () => command,
    run: ({ operation, ctx }) => {
      const extra = operation.children[0];
      if (extra) return fail(syntaxError(extra.name));
      const reply = build(ctx);
      if (typeof reply === 'string') return fail(applicationError(reply));
      const format = formatOf(operation);
      // The CLI here has no text form of these (no `show chassis routing-engine`): say so, never fake it.
      if (format === 'text')
        return fail(
          operationNotSupported(
            `format="text" of <${operation.name}> is not served; ask for xml or json`,
            'application',
          ),
        );
      return answer(reply, format, ctx);
    },
  };
}

const RPCS: Record<string, VendorRpc> = {
  command: commandRpc,
  'get-configuration': getConfiguration,
  'load-configuration': loadConfiguration,
  'commit-configuration': commitConfiguration,
  'lock-configuration': lockConfiguration,
  'unlock-configuration': unlockConfiguration,
  'open-configuration': openConfiguration,
  'close-configuration': closeConfiguration,
  'get-route-engine-information': built('show chassis routing-engine', buildRouteEngine),
  'get-virtual-chassis-information': built('show virtual-chassis', buildVirtualChassis),
  'get-system-storage': built('show system storage', buildSystemStorage),
  'file-show': fileShow,
  'file-list': fileList,
  'get-interface-information': interfacesRpc(),
};
for (const name of [
  'get-lldp-neighbors-information',
  'get-arp-table-information',
  'get-software-information',
  'get-system-memory-information',
  'get-system-uptime-information',
  'get-system-users-information',
  'get-chassis-inventory',
  'get-route-information',
  'get-log',
  'get-lacp-interface-information',
  'get-ethernet-switching-table-information',
  'get-vlan-information',
])
  RPCS[name] = catalogueRpc(name);

/** A `<config>` of edit-config: `<configuration>` trees, applied as the set lines they amount to. */
function edit(target: DeviceConfig, request: EditRequest): RpcError | undefined {
  const lines: string[] = [];
  for (const node of request.nodes) {
    if (node.name !== 'configuration') return syntaxError(node.name);
    if (request.defaultOperation === 'replace') {
      target.interfaces = new Map();
      target.lines = [];
    }
    for (const child of node.children) xmlToSetLines(child, [], lines);
  }
  return applyLines(target, lines);
}

export const junos: NetconfPlatform = {
  capabilities: () => [
    BASE_1_0,
    'urn:ietf:params:netconf:capability:candidate:1.0',
    'urn:ietf:params:netconf:capability:confirmed-commit:1.0',
    'urn:ietf:params:netconf:capability:validate:1.0',
    'urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file',
    'urn:ietf:params:xml:ns:netconf:base:1.0',
    'urn:ietf:params:xml:ns:netconf:capability:candidate:1.0',
    'urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0',
    'urn:ietf:params:xml:ns:netconf:capability:validate:1.0',
    'urn:ietf:params:xml:ns:netconf:capability:url:1.0?protocol=http,ftp,file',
    'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring',
    'http://xml.juniper.net/netconf/junos/1.0',
    'http://xml.juniper.net/dmi/system/1.0',
  ],
  // mgd greets every NETCONF session, subsystem or `xml-mode netconf`, with these two comments.
  greeting: (_ctx, user) =>
    `<!-- No zombies were killed during the creation of this user interface -->\n<!-- user ${user}, class super-user -->\n`,
  xmlDeclaration: false,
  datastores: ['candidate'],
  writableRunning: false,
  xpath: false,
  state: (ctx, wanted) =>
    wantsTop(wanted, 'configuration', undefined) ? [configurationXml(ctx, 'committed')] : [],
  config: (ctx, wanted) =>
    wantsTop(wanted, 'configuration', undefined) ? [configurationXml(ctx, 'committed')] : [],
  edit,
  commandFor: () => 'show configuration',
  rpcs: RPCS,
  replyAttributes: (ctx) => [
    ['xmlns:junos', `http://xml.juniper.net/junos/${namespaceRelease(ctx.state.version)}/junos`],
  ],
  unknownRpc: (name) => syntaxError(name),
};
