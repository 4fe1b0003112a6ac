"""Drives an EOS box of the fleet with ncclient's `default` handler (EOS has none of its own).

Usage: ncclient_eos.py HOST PORT INTERFACE NEW_HOSTNAME DESCRIPTION
Prints one JSON object: capabilities, the LLDP neighbours a subtree filter returns, and the outcome
of each edit (ok, or the rpc-error's tag, bad-element and message).
"""
import json
import sys

from ncclient import manager
from ncclient.operations import RPCError
from lxml import etree

host, port, interface, new_hostname, description = sys.argv[1:6]

OC_LLDP = "http://openconfig.net/yang/lldp"
OC_IF = "http://openconfig.net/yang/interfaces"
OC_SYS = "http://openconfig.net/yang/system"


def connect():
    return manager.connect(
        host=host, port=int(port), username="admin", password="admin", hostkey_verify=False,
        look_for_keys=False, allow_agent=False, device_params={"name": "default"}, timeout=30,
    )


def outcome(call):
    try:
        reply = call()
        return {"ok": reply.ok}
    except RPCError as error:
        return {"ok": False, "tag": error.tag, "message": error.message, "info": error.info}


def config(body):
    return '<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">%s</config>' % body


result = {}
a = connect()
result["capabilities"] = list(a.server_capabilities)
result["session_id"] = a.session_id

reply = a.get(filter=("subtree", '<lldp xmlns="%s"><interfaces><interface><name/><neighbors/></interface></interfaces></lldp>' % OC_LLDP))
ns = {"l": OC_LLDP}
neighbours = []
for entry in reply.data_ele.iterfind(".//l:interfaces/l:interface", ns):
    name = entry.findtext("l:name", namespaces=ns)
    for state in entry.iterfind("l:neighbors/l:neighbor/l:state", ns):
        neighbours.append({
            "interface": name,
            "system_name": state.findtext("l:system-name", namespaces=ns),
            "port_id": state.findtext("l:port-id", namespaces=ns),
            "chassis_id_type": state.findtext("l:chassis-id-type", namespaces=ns),
        })
result["neighbours"] = neighbours

result["description_running"] = outcome(lambda: a.edit_config(target="running", config=config(
    '<interfaces xmlns="%s"><interface><name>%s</name><config><description>%s</description></config></interface></interfaces>'
    % (OC_IF, interface, description))))

hostname_edit = config('<system xmlns="%s"><config><hostname>%s</hostname></config></system>' % (OC_SYS, new_hostname))
result["lock_candidate"] = outcome(lambda: a.lock(target="candidate"))
b = connect()
result["other_session_edit"] = outcome(lambda: b.edit_config(target="candidate", config=hostname_edit))
b.close_session()
result["candidate_edit"] = outcome(lambda: a.edit_config(target="candidate", config=hostname_edit))
running = a.get_config(source="running", filter=("subtree", '<system xmlns="%s"><config><hostname/></config></system>' % OC_SYS))
result["running_before_commit"] = running.data_ele.findtext(".//{%s}hostname" % OC_SYS)
result["commit"] = outcome(lambda: a.commit())
result["unlock_candidate"] = outcome(lambda: a.unlock(target="candidate"))

result["unknown_element"] = outcome(lambda: a.edit_config(target="running", config=config(
    '<system xmlns="%s"><config><timezone>UTC</timezone></config></system>' % OC_SYS)))
result["unknown_interface"] = outcome(lambda: a.edit_config(target="running", config=config(
    '<interfaces xmlns="%s"><interface><name>Ethernet999</name><config><description>x</description></config></interface></interfaces>'
    % OC_IF)))
a.close_session()
print(json.dumps(result))
