/**
 * IOS-XE's NETCONF platform driven in-process through a NetconfSession (no sockets): the hello of
 * each release train, what `get` and `get-config` answer, and how `edit-config` of the native and
 * ietf-interfaces models lands in the one configuration the CLI renders. Goldens hold the hello
 * per train and a filtered `get` on a frozen lab-100.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { iosXe } from '../../simulator/netconf/platforms/ios-xe.js';
import { iosXeCapabilities } from '../../simulator/netconf/platforms/ios-xe-capabilities.js';
import { BASE_1_0, BASE_1_1, NetconfSession } from '../../simulator/netconf/session.js';
import { BASE_NS, childOf, parseXml, renderXml, type XmlElement } from '../../simulator/netconf/xml.js';
import {
  renderShowInterfacesDescription,
  renderShowRunningConfig,
} from '../../simulator/personalities/cisco-ios/render/index.js';
import { deviceRuntimeFor } from '../device.js';
import { expectGolden } from '../helpers.js';

const NATIVE = 'http://cisco.com/ns/yang/Cisco-IOS-XE-native';
const IETF_IF = 'urn:ietf:params:xml:ns:yang:ietf-interfaces';
const EOM = ']]>]]>';

interface Driven {
  hello: string;
  rpc(body: string): XmlElement;
  raw(body: string): string;
  end(): void;
}

const open: NetconfSession[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.end();
});

/** A session on `device` after a base:1.0 client hello; each rpc answers at once (no latency). */
function drive(device: DeviceRuntime): Driven {
  let out = '';
  const session = new NetconfSession({
    device,
    platform: iosXe,
    user: 'admin',
    write: (text) => (out += text),
    whenWritable: (fn) => fn(),
    pauseInput: () => undefined,
    close: () => undefined,
    helloTimeoutMs: 60_000,
  });
  open.push(session);
  const take = () => {
    const cut = out.indexOf(EOM);
    if (cut < 0) throw new Error(`no complete message in ${JSON.stringify(out.slice(0, 200))}`);
    const message = out.slice(0, cut);
    out = out.slice(cut + EOM.length);
    return message;
  };
  session.start();
  const hello = take();
  session.feed(
    Buffer.from(
      `<hello xmlns="${BASE_NS}"><capabilities><capability>${BASE_1_0}</capability></capabilities></hello>${EOM}`,
    ),
  );
  let id = 0;
  const raw = (body: string) => {
    session.feed(Buffer.from(`<rpc xmlns="${BASE_NS}" message-id="${++id}">${body}</rpc>${EOM}`));
    return take();
  };
  return {
    hello,
    raw,
    rpc: (body) => {
      const parsed = parseXml(raw(body));
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.root;
    },
    end: () => session.end(),
  };
}

/** Pretty-printed, with the declaration the box sends first. */
function pretty(message: string): string {
  const parsed = parseXml(message);
  if (!parsed.ok) throw new Error(parsed.message);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(parsed.root, { indent: 2 })}\n`;
}

const editRunning = (config: string) =>
  `<edit-config><target><running/></target><config>${config}</config></edit-config>`;
const native = (body: string) => `<native xmlns="${NATIVE}">${body}</native>`;

/** The first rpc-error of a reply as `tag`, error-path and error-info pairs. */
function errorOf(reply: XmlElement) {
  const error = childOf(reply, 'rpc-error');
  if (!error) return undefined;
  return {
    type: childOf(error, 'error-type')?.text,
    tag: childOf(error, 'error-tag')?.text,
    path: childOf(error, 'error-path')?.text,
    info: Object.fromEntries((childOf(error, 'error-info')?.children ?? []).map((c) => [c.name, c.text])),
  };
}

const isOk = (reply: XmlElement) => childOf(reply, 'ok') !== undefined;

describe('hello per release train', () => {
  const native = (caps: string[]) => caps.find((c) => c.includes('?module=Cisco-IOS-XE-native'));
  it.each([
    ['16.12.3', 'revision=2019-07-01'],
    ['16.12.10', 'revision=2019-07-01'],
    ['17.3.7', 'revision=2020-07-01'],
    ['17.6.5', 'revision=2021-07-01'],
    ['17.9.4a', 'revision=2022-07-01'],
  ])('%s lists the native module with its %s', (version, revision) => {
    const caps = iosXeCapabilities(version);
    expect(caps.slice(0, 2)).toEqual([BASE_1_0, BASE_1_1]);
    expect(native(caps)).toBe(`${NATIVE}?module=Cisco-IOS-XE-native&${revision}`);
    expect(caps).not.toContain('urn:ietf:params:netconf:capability:candidate:1.0');
    expect(caps).toContain(
      'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring?module=ietf-netconf-monitoring&revision=2010-10-04',
    );
  });

  it('17.12, whose published capability files leave the Cisco modules out, names them without a revision', () => {
    expect(native(iosXeCapabilities('17.12.2'))).toBe(`${NATIVE}?module=Cisco-IOS-XE-native`);
  });

  it('16.12 offers report-all-tagged only; 17.x adds report-all; 17.9 adds yang-library 1.1', () => {
    const withDefaults = (v: string) => iosXeCapabilities(v).find((c) => c.includes('with-defaults:1.0'));
    expect(withDefaults('16.12.3')).toMatch(/also-supported=report-all-tagged$/);
    expect(withDefaults('17.3.7')).toMatch(/also-supported=report-all-tagged,report-all$/);
    expect(iosXeCapabilities('17.3.7').some((c) => c.includes('yang-library:1.1'))).toBe(false);
    expect(iosXeCapabilities('17.9.4a').some((c) => c.includes('yang-library:1.1?revision=2019-01-04'))).toBe(
      true,
    );
  });

  it.each([
    ['16.12', 'r5-rt09'],
    ['17.3', 'r1-rt09'],
    ['17.6', 'r1-tor1'],
    ['17.9', 'r1-sw02'],
    ['17.12', 'agg1'],
  ])('golden: the %s hello as %s sends it', async (train, name) => {
    const session = drive(await deviceRuntimeFor('lab-100', name));
    expectGolden(`netconf/ios-xe-hello-${train}.xml`, pretty(session.hello));
  });
});

describe('get and get-config', () => {
  it('get answers every model served, get-config only the configuration ones', async () => {
    const session = drive(await deviceRuntimeFor('lab-100', 'r1-sw04'));
    const tops = (reply: XmlElement) => childOf(reply, 'data')!.children.map((c) => `${c.ns} ${c.name}`);
    expect(tops(session.rpc('<get/>'))).toEqual([
      `${NATIVE} native`,
      `${IETF_IF} interfaces`,
      `${IETF_IF} interfaces-state`,
      'http://cisco.com/ns/yang/Cisco-IOS-XE-arp-oper arp-data',
      'http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper cdp-neighbor-details',
      'http://cisco.com/ns/yang/Cisco-IOS-XE-device-hardware-oper device-hardware-data',
      'http://cisco.com/ns/yang/Cisco-IOS-XE-interfaces-oper interfaces',
      'http://cisco.com/ns/yang/Cisco-IOS-XE-lldp-oper lldp-entries',
      'http://cisco.com/ns/yang/Cisco-IOS-XE-memory-oper memory-statistics',
      'http://cisco.com/ns/yang/Cisco-IOS-XE-platform-software-oper cisco-platform-software',
      'http://openconfig.net/yang/lldp lldp',
    ]);
    expect(tops(session.rpc('<get-config><source><running/></source></get-config>'))).toEqual([
      `${NATIVE} native`,
      `${IETF_IF} interfaces`,
    ]);
  });

  it('native lists each interface under its type, keyed by the number, with the running-config description', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-sw04');
    const reply = drive(device).rpc(
      `<get-config><source><running/></source><filter>${native('<interface><GigabitEthernet><name>1/0/1</name></GigabitEthernet></interface>')}</filter></get-config>`,
    );
    const entry = childOf(
      childOf(childOf(childOf(reply, 'data')!, 'native')!, 'interface')!,
      'GigabitEthernet',
    )!;
    expect(childOf(entry, 'name')?.text).toBe('1/0/1');
    const description = childOf(entry, 'description')?.text;
    expect(renderShowRunningConfig(device.renderContext())).toContain(
      `interface GigabitEthernet1/0/1\n description ${description}\n`,
    );
  });

  it('the candidate is not there: the box ships with it off', async () => {
    const reply = drive(await deviceRuntimeFor('lab-100', 'r1-rt09')).rpc(
      '<get-config><source><candidate/></source></get-config>',
    );
    expect(errorOf(reply)?.tag).toBeDefined();
  });

  it('golden: get with a subtree filter for the CDP neighbours', async () => {
    const session = drive(await deviceRuntimeFor('lab-100', 'r1-rt09'));
    const reply = session.raw(
      '<get><filter type="subtree"><cdp-neighbor-details xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper"/></filter></get>',
    );
    expectGolden('netconf/ios-xe-get-cdp.xml', pretty(reply));
  });
});

describe('edit-config lands in the running configuration', () => {
  it('hostname: merge sets it, create finds it there, delete puts the factory name back, a bad one is refused', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-rt09');
    const session = drive(device);
    expect(isOk(session.rpc(editRunning(native('<hostname>core-9</hostname>'))))).toBe(true);
    expect(device.config().hostname).toBe('core-9');
    expect(renderShowRunningConfig(device.renderContext())).toContain('\nhostname core-9\n');
    expect(
      errorOf(session.rpc(editRunning(native('<hostname operation="create">x</hostname>')))),
    ).toMatchObject({
      tag: 'data-exists',
      path: '/native/hostname',
    });
    expect(errorOf(session.rpc(editRunning(native('<hostname>has space</hostname>'))))?.tag).toBe(
      'invalid-value',
    );
    expect(isOk(session.rpc(editRunning(native('<hostname operation="delete"/>'))))).toBe(true);
    expect(device.config().hostname).toBe('Router');
  });

  it('native interface description and shutdown show in show running-config and show interfaces description', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-sw04');
    const session = drive(device);
    const entry = (body: string) =>
      editRunning(
        native(`<interface><GigabitEthernet><name>1/0/2</name>${body}</GigabitEthernet></interface>`),
      );
    expect(isOk(session.rpc(entry('<description>uplink set over netconf</description><shutdown/>')))).toBe(
      true,
    );
    expect(device.config().interfaces.get('GigabitEthernet1/0/2')).toEqual({
      description: 'uplink set over netconf',
      shutdown: true,
    });
    const ctx = device.renderContext();
    expect(renderShowRunningConfig(ctx)).toMatch(
      /interface GigabitEthernet1\/0\/2\n description uplink set over netconf\n(?: .*\n)* shutdown\n/,
    );
    expect(renderShowInterfacesDescription(ctx)).toMatch(
      /Gi1\/0\/2 +admin down +down +uplink set over netconf/,
    );
    expect(isOk(session.rpc(entry('<shutdown operation="delete"/>')))).toBe(true);
    expect(errorOf(session.rpc(entry('<shutdown operation="delete"/>')))).toMatchObject({
      type: 'application',
      tag: 'data-missing',
      path: "/native/interface/GigabitEthernet[name='1/0/2']/shutdown",
    });
    expect(isOk(session.rpc(entry('<description operation="remove"/>')))).toBe(true);
    expect(renderShowRunningConfig(device.renderContext())).not.toContain('uplink set over netconf');
  });

  it('ietf-interfaces description and enabled are the same settings', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-rt09');
    const session = drive(device);
    const entry = (body: string) =>
      editRunning(
        `<interfaces xmlns="${IETF_IF}"><interface><name>GigabitEthernet0/0/3</name>${body}</interface></interfaces>`,
      );
    expect(isOk(session.rpc(entry('<description>via ietf</description><enabled>false</enabled>')))).toBe(
      true,
    );
    expect(device.config().interfaces.get('GigabitEthernet0/0/3')).toEqual({
      description: 'via ietf',
      shutdown: true,
    });
    const nativeView = session.rpc(
      `<get-config><source><running/></source><filter>${native('<interface><GigabitEthernet><name>0/0/3</name></GigabitEthernet></interface>')}</filter></get-config>`,
    );
    expect(renderXml(nativeView)).toContain('<description>via ietf</description><shutdown/>');
    expect(errorOf(session.rpc(entry('<enabled>maybe</enabled>')))?.tag).toBe('invalid-value');
    expect(isOk(session.rpc(entry('<enabled>true</enabled>')))).toBe(true);
    expect(device.config().interfaces.get('GigabitEthernet0/0/3')?.shutdown).toBe(false);
  });

  it('errors: an interface the box lacks, an element the model lacks, a namespace nobody serves — and nothing changes', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-rt09');
    const session = drive(device);
    const before = device.config().hostname;
    const missing = session.rpc(
      editRunning(
        native(
          '<hostname>changed</hostname><interface><GigabitEthernet><name>9/9/9</name><description>x</description></GigabitEthernet></interface>',
        ),
      ),
    );
    expect(errorOf(missing)).toMatchObject({ tag: 'operation-failed', path: '/rpc/edit-config' });
    expect(device.config().hostname).toBe(before);
    const deleteMissing = session.rpc(
      editRunning(
        native(
          '<interface><GigabitEthernet operation="delete"><name>9/9/9</name></GigabitEthernet></interface>',
        ),
      ),
    );
    expect(errorOf(deleteMissing)).toMatchObject({
      tag: 'data-missing',
      path: "/native/interface/GigabitEthernet[name='9/9/9']",
    });
    expect(errorOf(session.rpc(editRunning(native('<banner>hi</banner>'))))).toMatchObject({
      type: 'application',
      tag: 'unknown-element',
      info: { 'bad-element': 'banner' },
    });
    expect(errorOf(session.rpc(editRunning('<system xmlns="urn:example:nothing"/>')))).toMatchObject({
      tag: 'unknown-namespace',
      info: { 'bad-element': 'system', 'bad-namespace': 'urn:example:nothing' },
    });
  });

  it('a lock held by one session: lock-denied naming it, and in-use for an edit from another', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r1-rt09');
    const first = drive(device);
    const second = drive(device);
    const firstId = /<session-id>(\d+)<\/session-id>/.exec(first.hello)![1];
    expect(isOk(first.rpc('<lock><target><running/></target></lock>'))).toBe(true);
    expect(errorOf(second.rpc('<lock><target><running/></target></lock>'))).toMatchObject({
      tag: 'lock-denied',
      info: { 'session-id': firstId },
    });
    expect(errorOf(second.rpc(editRunning(native('<hostname>nope</hostname>'))))?.tag).toBe('in-use');
    expect(isOk(first.rpc(editRunning(native('<hostname>holder</hostname>'))))).toBe(true);
    expect(device.config().hostname).toBe('holder');
  });
});
