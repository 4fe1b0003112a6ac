/**
 * The NETCONF drivers' parsers, table-driven: replies as our fleet sends them (IOS-XE's oper
 * models, Junos's brief LLDP RPC) and in the shapes real boxes answer (Junos MX with the port ID
 * pair, NX-OS DME adjacencies as Cisco's NX-API REST reference shows lldpAdjEp, openconfig-lldp).
 */
import { describe, expect, it } from 'vitest';
import { parseOpenconfigLldp } from '../../client/drivers/netconf/arista-eos.js';
import { parseIosXeCdp, parseIosXeLldp } from '../../client/drivers/netconf/cisco-ios.js';
import { nxosInterfaceName, parseNxosCdp, parseNxosLldp } from '../../client/drivers/netconf/cisco-nxos.js';
import { netconfDriverFor } from '../../client/drivers/netconf/index.js';
import { parseJunosNetconfLldp } from '../../client/drivers/netconf/juniper-junos.js';
import type { ObservedNeighbor } from '../../client/drivers/types.js';
import { parseNetconfXml, type XmlNode } from '../../client/transport/netconf-xml.js';
import { driverFor } from '../../client/drivers/index.js';
import { PLATFORMS } from '../../simulator/topology/kinds/index.js';
import { juniperJunosDriver } from '../../client/drivers/juniper-junos.js';
import { buildLldpNeighbors } from '../../simulator/personalities/juniper-junos/rpc/lldp.js';
import { renderXml as renderJunosXml } from '../../simulator/personalities/juniper-junos/rpc/tree.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { deviceRuntimeFor } from '../device.js';

const BASE = 'urn:ietf:params:xml:ns:netconf:base:1.0';

function reply(body: string): XmlNode {
  const parsed = parseNetconfXml(`<rpc-reply xmlns="${BASE}" message-id="1">${body}</rpc-reply>`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
}

const CASES: Array<[string, (r: XmlNode) => ObservedNeighbor[], string, ObservedNeighbor[]]> = [
  [
    'IOS-XE cdp-neighbor-details (our fleet, a Catalyst 9300)',
    parseIosXeCdp,
    `<data><cdp-neighbor-details xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper"><cdp-neighbor-detail><device-id>1</device-id><device-name>r1-sw01.lab.example.com</device-name><local-intf-name>GigabitEthernet1/0/1</local-intf-name><port-id>GigabitEthernet1/0/1</port-id><capability>Switch IGMP</capability><platform-name>cisco C9300-48P</platform-name><version>Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.7, RELEASE SOFTWARE (fc3)
Technical Support: http://www.cisco.com/techsupport</version><duplex>cdp-full-duplex</duplex><vty-mgmt-domain/><native-vlan>0</native-vlan><mgmt-address>127.100.0.5</mgmt-address><ip-address>10.0.0.16</ip-address></cdp-neighbor-detail><cdp-neighbor-detail><device-id>2</device-id><device-name>r1-nx05(FDO21240ABC)</device-name><local-intf-name>GigabitEthernet1/0/5</local-intf-name><port-id>Ethernet1/1</port-id><platform-name>N9K-C93180YC-EX</platform-name></cdp-neighbor-detail></cdp-neighbor-details></data>`,
    [
      {
        protocol: 'cdp',
        localInterface: 'GigabitEthernet1/0/1',
        remoteDevice: 'r1-sw01.lab.example.com',
        remoteInterface: 'GigabitEthernet1/0/1',
        platform: 'cisco C9300-48P',
        mgmtAddress: '127.100.0.5',
      },
      {
        protocol: 'cdp',
        localInterface: 'GigabitEthernet1/0/5',
        remoteDevice: 'r1-nx05(FDO21240ABC)',
        remoteInterface: 'Ethernet1/1',
        platform: 'N9K-C93180YC-EX',
      },
    ],
  ],
  ['IOS-XE with CDP off: the filter matches nothing', parseIosXeCdp, '<data/>', []],
  [
    'IOS-XE lldp-entries with the management address from lldp-intf-details (our fleet)',
    parseIosXeLldp,
    `<data><lldp-entries xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-lldp-oper"><lldp-entry><device-id>r1-sw01.lab.example.com</device-id><local-interface>Gi1/0/1</local-interface><connecting-interface>Gi1/0/1</connecting-interface><ttl>120</ttl><capabilities><bridge/></capabilities></lldp-entry><lldp-entry><device-id>r1-nx05.lab.example.com</device-id><local-interface>Gi1/0/5</local-interface><connecting-interface>Ethernet1/1</connecting-interface><ttl>120</ttl><capabilities><bridge/><router/></capabilities></lldp-entry><lldp-intf-details><if-name>GigabitEthernet1/0/1</if-name><isenabled>true</isenabled><lldp-neighbor-details><identifier>1</identifier><system-name>r1-sw01.lab.example.com</system-name><port-id>Gi1/0/1</port-id><mgmt-addrs><mgmt-addr>127.100.0.5</mgmt-addr><mgmt-addr-type>mgmt-ip</mgmt-addr-type></mgmt-addrs></lldp-neighbor-details></lldp-intf-details></lldp-entries></data>`,
    [
      {
        protocol: 'lldp',
        localInterface: 'Gi1/0/1',
        remoteDevice: 'r1-sw01.lab.example.com',
        remoteInterface: 'Gi1/0/1',
        mgmtAddress: '127.100.0.5',
      },
      {
        protocol: 'lldp',
        localInterface: 'Gi1/0/5',
        remoteDevice: 'r1-nx05.lab.example.com',
        remoteInterface: 'Ethernet1/1',
      },
    ],
  ],
  [
    'NX-OS lldp-items: DME adjacencies (lldpAdjEp fields: sysName, portIdV in short form, mgmtIp)',
    parseNxosLldp,
    `<data><System xmlns="http://cisco.com/ns/yang/cisco-nx-os-device"><lldp-items><inst-items><if-items><If-list><id>eth1/7</id><adj-items><AdjEp-list><id>1</id><capability>bridge,router</capability><chassisIdT>mac</chassisIdT><chassisIdV>5254.0012.3456</chassisIdV><mgmtIp>192.0.2.90</mgmtIp><portDesc>Ethernet5/7/1</portDesc><portIdT>if-name</portIdT><portIdV>Eth5/7/1</portIdV><sysName>spine-a</sysName></AdjEp-list></adj-items></If-list><If-list><id>mgmt0</id><adj-items><AdjEp-list><id>1</id><mgmtIp>not advertised</mgmtIp><portIdV>Gi0/1</portIdV><sysName>oob-sw</sysName></AdjEp-list></adj-items></If-list><If-list><id>eth1/8</id></If-list></if-items></inst-items></lldp-items></System></data>`,
    [
      {
        protocol: 'lldp',
        localInterface: 'Ethernet1/7',
        remoteDevice: 'spine-a',
        remoteInterface: 'Eth5/7/1',
        mgmtAddress: '192.0.2.90',
      },
      { protocol: 'lldp', localInterface: 'mgmt0', remoteDevice: 'oob-sw', remoteInterface: 'Gi0/1' },
    ],
  ],
  [
    'NX-OS cdp-items: devId with the serial, portId, platId',
    parseNxosCdp,
    `<data><System xmlns="http://cisco.com/ns/yang/cisco-nx-os-device"><cdp-items><inst-items><if-items><If-list><id>eth1/1</id><adj-items><AdjEp-list><index>1</index><devId>leaf-b(SAL1234ABCD)</devId><portId>Ethernet1/2</portId><platId>N9K-C93180YC-EX</platId><sysName>leaf-b</sysName></AdjEp-list></adj-items></If-list></if-items></inst-items></cdp-items></System></data>`,
    [
      {
        protocol: 'cdp',
        localInterface: 'Ethernet1/1',
        remoteDevice: 'leaf-b(SAL1234ABCD)',
        remoteInterface: 'Ethernet1/2',
        platform: 'N9K-C93180YC-EX',
      },
    ],
  ],
  [
    'openconfig-lldp (EOS): interfaces/interface/neighbors/neighbor/state',
    parseOpenconfigLldp,
    `<data><lldp xmlns="http://openconfig.net/yang/lldp"><interfaces><interface><name>Ethernet1</name><config><name>Ethernet1</name></config><neighbors><neighbor><id>1</id><state><chassis-id>52:54:00:aa:bb:cc</chassis-id><chassis-id-type>MAC_ADDRESS</chassis-id-type><id>1</id><management-address>192.0.2.11</management-address><port-id>Ethernet49/1</port-id><port-id-type>INTERFACE_NAME</port-id-type><system-name>spine1.lab.example.com</system-name></state></neighbor></neighbors></interface><interface><name>Management1</name><neighbors><neighbor><id>1</id><state><management-address>fe80::1</management-address><port-id>Gi0/3</port-id><system-name>oob</system-name></state></neighbor></neighbors></interface></interfaces></lldp></data>`,
    [
      {
        protocol: 'lldp',
        localInterface: 'Ethernet1',
        remoteDevice: 'spine1.lab.example.com',
        remoteInterface: 'Ethernet49/1',
        mgmtAddress: '192.0.2.11',
      },
      { protocol: 'lldp', localInterface: 'Management1', remoteDevice: 'oob', remoteInterface: 'Gi0/3' },
    ],
  ],
  [
    'Junos get-lldp-neighbors-information (our fleet: the port description, as the CLI Port info)',
    parseJunosNetconfLldp,
    `<lldp-neighbors-information xmlns:junos="http://xml.juniper.net/junos/17.4R1/junos" junos:style="brief"><lldp-neighbor-information><lldp-local-port-id>xe-0/0/0</lldp-local-port-id><lldp-local-parent-interface-name>-</lldp-local-parent-interface-name><lldp-remote-chassis-id-subtype>Mac address</lldp-remote-chassis-id-subtype><lldp-remote-chassis-id>52:54:00:12:34:56</lldp-remote-chassis-id><lldp-remote-port-description>GigabitEthernet1/0/14</lldp-remote-port-description><lldp-remote-system-name>r2-tor1.lab.example.com</lldp-remote-system-name></lldp-neighbor-information></lldp-neighbors-information>`,
    [
      {
        protocol: 'lldp',
        localInterface: 'xe-0/0/0',
        remoteDevice: 'r2-tor1.lab.example.com',
        remoteInterface: 'GigabitEthernet1/0/14',
      },
    ],
  ],
  [
    'Junos from an MX (as PyEZ scripts read it): lldp-remote-port-id, no description',
    parseJunosNetconfLldp,
    `<lldp-neighbors-information style="brief"><lldp-neighbor-information><lldp-local-port-id>ge-0/0/1</lldp-local-port-id><lldp-local-parent-interface-name>-</lldp-local-parent-interface-name><lldp-remote-chassis-id-subtype>Mac address</lldp-remote-chassis-id-subtype><lldp-remote-chassis-id>00:11:22:33:44:55</lldp-remote-chassis-id><lldp-remote-port-id-subtype>Interface name</lldp-remote-port-id-subtype><lldp-remote-port-id>ge-0/0/3</lldp-remote-port-id><lldp-remote-system-name>edge2</lldp-remote-system-name></lldp-neighbor-information><lldp-neighbor-information><lldp-local-port-id>ge-0/0/2</lldp-local-port-id><lldp-remote-chassis-id>00:11:22:33:44:66</lldp-remote-chassis-id></lldp-neighbor-information></lldp-neighbors-information>`,
    [{ protocol: 'lldp', localInterface: 'ge-0/0/1', remoteDevice: 'edge2', remoteInterface: 'ge-0/0/3' }],
  ],
];

describe('NETCONF driver parsers', () => {
  it.each(CASES)('%s', (_name, parse, body, expected) => {
    expect(parse(reply(body))).toEqual(expected);
  });

  it.each([
    ['eth1/1', 'Ethernet1/1'],
    ['Eth101/1/3', 'Ethernet101/1/3'],
    ['po10', 'port-channel10'],
    ['lo0', 'loopback0'],
    ['mgmt0', 'mgmt0'],
  ])('NX-OS DME port %s is %s, as the CLI prints it', (id, name) => {
    expect(nxosInterfaceName(id)).toBe(name);
  });

  it.each(PLATFORMS)('%s asks over NETCONF for the protocols its SSH driver reads', (platform) => {
    const protocols = (list: ReadonlyArray<{ protocol: string }>) => list.map((c) => c.protocol);
    expect(protocols(netconfDriverFor(platform).neighbors)).toEqual(
      protocols(driverFor(platform)!.neighbors),
    );
  });
});

describe('Junos: the NETCONF driver reads what the SSH driver reads', () => {
  it.each(['r2-jx14', 'r3-mx17'])(
    '%s: get-lldp-neighbors-information as mgd builds it vs show lldp neighbors detail',
    async (name) => {
      const device = await deviceRuntimeFor('lab-100', name);
      const xml = renderJunosXml(buildLldpNeighbors(device.renderContext()));
      const overNetconf = parseJunosNetconfLldp(reply(xml));
      const ssh = juniperJunosDriver.neighbors[0]!;
      const { output } = runCliLine(device, apiSession(device, 'admin'), ssh.command);
      const key = (n: ObservedNeighbor) => `${n.localInterface}>${n.remoteDevice}:${n.remoteInterface}`;
      const expected = ssh.parse(output).map(key).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(overNetconf.map(key).sort()).toEqual(expected);
    },
  );
});
