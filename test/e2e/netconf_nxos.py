"""Drives a fleet's NX-OS NETCONF agent with ncclient; prints one JSON document per run.

usage: netconf_nxos.py HOST PORT HANDLER SCENARIO
"""
import json
import sys

from lxml import etree
from ncclient import manager
from ncclient.operations import RPCError

NX = "http://cisco.com/ns/yang/cisco-nx-os-device"
OC = "http://openconfig.net/yang/lldp"
NS = {"nx": NX, "oc": OC}


def connect(host, port, handler):
    return manager.connect(
        host=host,
        port=port,
        username="admin",
        password="admin",
        hostkey_verify=False,
        look_for_keys=False,
        allow_agent=False,
        device_params={"name": handler},
        timeout=30,
    )


def text(node, path):
    found = node.find(path, NS)
    return None if found is None else found.text


def system(body):
    return '<System xmlns="%s">%s</System>' % (NX, body)


def config(body):
    return "<config>%s</config>" % system(body)


def phys_if(ident, leaves):
    return "<intf-items><phys-items><PhysIf-list><id>%s</id>%s</PhysIf-list></phys-items></intf-items>" % (ident, leaves)


def error_of(call):
    try:
        call()
    except RPCError as e:
        return {"tag": e.tag, "type": e.type, "message": e.message, "path": e.path, "info": e.info}
    return None


def hostname(m, source):
    reply = m.get_config(source=source, filter=("subtree", system("<name/>")))
    return text(reply.data_ele, "nx:System/nx:name")


def run(m, scenario):
    if scenario == "hello":
        return {"capabilities": list(m.server_capabilities), "session_id": m.session_id}
    if scenario == "cdp":
        reply = m.get(filter=("subtree", system("<cdp-items/>")))
        rows = []
        for entry in reply.data_ele.iterfind("nx:System/nx:cdp-items/nx:inst-items/nx:if-items/nx:If-list", NS):
            for adj in entry.iterfind("nx:adj-items/nx:AdjEp-list", NS):
                rows.append(
                    {
                        "local": text(entry, "nx:id"),
                        "devId": text(adj, "nx:devId"),
                        "portId": text(adj, "nx:portId"),
                        "platId": text(adj, "nx:platId"),
                        "mgmtIp": text(adj, "nx:mgmt-items/nx:MgmtAddr-list/nx:addr"),
                    }
                )
        return {"rows": rows}
    if scenario == "lldp":
        native = m.get(filter=("subtree", system("<lldp-items/>")))
        oc = m.get(filter=("subtree", '<lldp xmlns="%s"><interfaces/></lldp>' % OC))
        dme = []
        for entry in native.data_ele.iterfind("nx:System/nx:lldp-items/nx:inst-items/nx:if-items/nx:If-list", NS):
            for adj in entry.iterfind("nx:adj-items/nx:AdjEp-list", NS):
                dme.append({"local": text(entry, "nx:id"), "sysName": text(adj, "nx:sysName"),
                            "portIdV": text(adj, "nx:portIdV"), "chassisIdV": text(adj, "nx:chassisIdV"),
                            "mgmtIp": text(adj, "nx:mgmtIp")})
        openconfig = []
        for entry in oc.data_ele.iterfind("oc:lldp/oc:interfaces/oc:interface", NS):
            for n in entry.iterfind("oc:neighbors/oc:neighbor/oc:state", NS):
                openconfig.append({"local": text(entry, "oc:name"), "system-name": text(n, "oc:system-name"),
                                   "port-id": text(n, "oc:port-id"), "chassis-id": text(n, "oc:chassis-id")})
        return {"dme": dme, "openconfig": openconfig}
    if scenario == "candidate":
        before = hostname(m, "running")
        m.edit_config(target="candidate", config=config("<name>nx-candidate</name>"))
        staged = {"running": hostname(m, "running"), "candidate": hostname(m, "candidate")}
        m.commit()
        return {"before": before, "staged": staged, "after": hostname(m, "running")}
    if scenario == "running":
        m.edit_config(
            target="running",
            config=config(phys_if("eth1/5", "<descr>edited over netconf</descr><adminSt>down</adminSt>")),
        )
        reply = m.get_config(source="running", filter=("subtree", system(phys_if("eth1/5", ""))))
        entry = reply.data_ele.find("nx:System/nx:intf-items/nx:phys-items/nx:PhysIf-list", NS)
        return {"descr": text(entry, "nx:descr"), "adminSt": text(entry, "nx:adminSt")}
    if scenario == "discard":
        m.edit_config(target="candidate", config=config("<name>never-committed</name>"))
        staged = hostname(m, "candidate")
        m.discard_changes()
        return {"staged": staged, "candidate": hostname(m, "candidate"), "running": hostname(m, "running")}
    if scenario == "errors":
        return {
            "interface": error_of(lambda: m.edit_config(target="running", config=config(phys_if("eth1/99", "<descr>x</descr>")))),
            "element": error_of(lambda: m.edit_config(target="running", config=config("<bogus-items/>"))),
            "adminSt": error_of(lambda: m.edit_config(target="candidate", config=config(phys_if("eth1/1", "<adminSt>sideways</adminSt>")))),
            "xpath": error_of(lambda: m.get(filter=("xpath", "/System/name"))),
            "hostname": hostname(m, "running"),
        }
    raise SystemExit("unknown scenario " + scenario)


def main():
    host, port, handler, scenario = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with connect(host, port, handler) as m:
        print(json.dumps(run(m, scenario)))


if __name__ == "__main__":
    main()
