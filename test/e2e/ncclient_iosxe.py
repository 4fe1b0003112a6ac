"""Drives one IOS-XE device with ncclient and prints what it saw as JSON.

Usage: /usr/bin/python3 ncclient_iosxe.py HOST PORT HANDLER HOSTNAME IFTYPE IFNUMBER DESCRIPTION
"""
import json
import sys

from ncclient import manager
from ncclient.operations.rpc import RPCError

host, port, handler, hostname, iftype, ifnumber, description = sys.argv[1:8]
NATIVE = "http://cisco.com/ns/yang/Cisco-IOS-XE-native"
NC = "urn:ietf:params:xml:ns:netconf:base:1.0"


def connect():
    return manager.connect(
        host=host, port=int(port), username="admin", password="admin", hostkey_verify=False,
        look_for_keys=False, allow_agent=False, device_params={"name": handler}, timeout=30,
    )


def error(e):
    return {"type": e.type, "tag": e.tag, "path": (e.path or "").strip(), "info": e.info}


def config(body):
    return '<nc:config xmlns:nc="%s"><native xmlns="%s">%s</native></nc:config>' % (NC, NATIVE, body)


seen = {}
m = connect()
seen["session_id"] = m.session_id
seen["capabilities"] = list(m.server_capabilities)
seen["lldp"] = m.get(filter=("subtree", '<lldp-entries xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-lldp-oper"/>')).data_xml
seen["cdp"] = m.get(filter=("subtree", '<cdp-neighbor-details xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper"/>')).data_xml
seen["xpath"] = m.get(filter=("xpath", ({"ios": NATIVE}, "/ios:native/ios:hostname"))).data_xml
m.edit_config(target="running", config=config("<hostname>%s</hostname>" % hostname))
m.edit_config(
    target="running",
    config=config("<interface><%s><name>%s</name><description>%s</description></%s></interface>" % (iftype, ifnumber, description, iftype)),
)
seen["after"] = m.get_config(source="running", filter=("subtree", '<native xmlns="%s"><hostname/></native>' % NATIVE)).data_xml
try:
    m.edit_config(target="running", config=config("<no-such-leaf>1</no-such-leaf>"))
    seen["unknown"] = None
except RPCError as e:
    seen["unknown"] = error(e)
try:
    m.get_config(source="candidate")
    seen["candidate"] = None
except RPCError as e:
    seen["candidate"] = error(e)

other = connect()
seen["other_session_id"] = other.session_id
m.lock("running")
try:
    other.lock("running")
    seen["lock_denied"] = None
except RPCError as e:
    seen["lock_denied"] = error(e)
try:
    other.edit_config(target="running", config=config("<hostname>not-%s</hostname>" % hostname))
    seen["in_use"] = None
except RPCError as e:
    seen["in_use"] = error(e)
m.unlock("running")
other.close_session()
m.close_session()
print(json.dumps(seen))
