"""Reads Junos RPC replies with Junos PyEZ op tables, no device: one Table(path=...) per file.

Usage: /usr/bin/python3 pyez_tables.py DIR
Each DIR/<table>--<label>.xml holds a reply: a CLI `| display xml` document (<rpc-reply> around
the reply element) or a REST /rpc answer (the bare element). The reply gets the transform PyEZ
applies to every RPC reply (jxml.strip_namespaces_prefix: no namespaces on elements or
attributes), is written back, and is loaded with Table(path=...).get(). Prints
{label: [[key, {field: value}], ...]} as JSON, in the reply's order (keys may repeat).
"""
import json
import os
import sys

import yaml
from lxml import etree
from jnpr.junos import jxml
import jnpr.junos.op
from jnpr.junos.factory.factory_loader import FactoryLoader


def load_op(name):
    """PyEZ's own op table (jnpr/junos/op/<name>.yml). Debian's 2.1.7 modules call yaml.load()
    without a Loader, which PyYAML 6 refuses, so the shipped YAML goes through FactoryLoader here."""
    path = os.path.join(os.path.dirname(jnpr.junos.op.__file__), name + ".yml")
    with open(path) as f:
        return FactoryLoader().load(yaml.safe_load(f))


# Tables PyEZ does not ship for ELS switches, LLDP detail, terse addresses and logins; element paths are ours,
# read off the replies' documented shapes (the brief ELS MAC table nests entries one level down).
EXTRA = yaml.safe_load("""
L2ngMacTable:
  rpc: get-ethernet-switching-table-information
  item: l2ng-l2ald-mac-entry-vlan/l2ng-mac-entry
  key: l2ng-l2-mac-address
  view: L2ngMacView
L2ngMacView:
  fields:
    vlan: l2ng-l2-mac-vlan-name
    flags: l2ng-l2-mac-flags
    interface: l2ng-l2-mac-logical-interface
    vlan_id: ../l2ng-l2-vlan-id
L2ngVlanTable:
  rpc: get-vlan-information
  item: l2ng-l2ald-vlan-instance-group
  key: l2ng-l2rtb-vlan-name
  view: L2ngVlanView
L2ngVlanView:
  fields:
    instance: l2ng-l2rtb-name
    tag: l2ng-l2rtb-vlan-tag
    members: .//l2ng-l2rtb-vlan-member-interface
LldpDetailTable:
  rpc: get-lldp-neighbors-information
  item: lldp-neighbor-information
  key: lldp-local-interface
  view: LldpDetailView
LldpDetailView:
  fields:
    local_port_id: lldp-local-port-id
    chassis_id: lldp-remote-chassis-id
    port_id: lldp-remote-port-id
    port_description: lldp-remote-port-description
    system_name: lldp-remote-system-name
    system_description: lldp-system-description/lldp-remote-system-description
    capabilities: lldp-remote-system-capabilities-enabled
    management_address: lldp-remote-management-address
TerseAddressTable:
  rpc: get-interface-information
  args:
    terse: True
  item: physical-interface/logical-interface/address-family/interface-address
  key: ifa-local
  view: TerseAddressView
TerseAddressView:
  fields:
    family: ../address-family-name
    interface: ../../name
    oper: ../../oper-status
UserTable:
  rpc: get-system-users-information
  item: .//user-table/user-entry
  key: user
  view: UserView
UserView:
  fields:
    tty: tty
    source: from
    command: command
    login_seconds: { login-time/@seconds: int }
""")
extra = FactoryLoader().load(EXTRA)

TABLES = {
    "RouteTable": load_op("routes")["RouteTable"],
    "PhyPortTable": load_op("phyport")["PhyPortTable"],
    "EthPortTable": load_op("ethport")["EthPortTable"],
    "LLDPNeighborTable": load_op("lldp")["LLDPNeighborTable"],
    "ArpTable": load_op("arp")["ArpTable"],
    "ModuleTable": load_op("inventory")["ModuleTable"],
    **extra,
}

strip = etree.XSLT(etree.XML(jxml.strip_namespaces_prefix))


def reply_of(path):
    root = etree.parse(path).getroot()
    if etree.QName(root).localname == "rpc-reply":
        root = next(c for c in root if etree.QName(c).localname != "cli")
    return strip(root).getroot()


def plain(value):
    if isinstance(value, tuple):  # a composite key; ModuleTable's has one part
        return plain(value[0]) if len(value) == 1 else [plain(v) for v in value]
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value if value is None or isinstance(value, (int, float, bool)) else str(value)


directory = sys.argv[1]
out = {}
for name in sorted(os.listdir(directory)):
    if not name.endswith(".xml") or "--" not in name:
        continue
    table_name, label = name[:-4].split("--", 1)
    path = os.path.join(directory, name)
    stripped = path + ".stripped"
    etree.ElementTree(reply_of(path)).write(stripped)
    try:
        table = TABLES[table_name](path=stripped).get()
        out[label] = [[plain(key), {f: plain(v) for f, v in view}] for key, view in table.items()]
    except Exception as error:
        raise SystemExit(f"{table_name} could not read {name}: {error}") from error
print(json.dumps(out))
