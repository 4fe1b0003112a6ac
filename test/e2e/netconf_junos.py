"""Drives a fleet device's Junos NETCONF with third-party clients; prints one JSON object.

usage: netconf_junos.py pyez|ncclient|xml-mode HOST PORT
"""
import io
import json
import logging
import sys

HOST, PORT = sys.argv[2], int(sys.argv[3])
MODE = sys.argv[1]


def pyez():
    from jnpr.junos import Device
    from jnpr.junos.utils.config import Config

    log = io.StringIO()
    logging.getLogger('jnpr').addHandler(logging.StreamHandler(log))
    dev = Device(host=HOST, port=PORT, user='admin', passwd='admin', gather_facts=True)
    dev.open()
    dev.facts_refresh(warnings_on_failure=True)
    facts = {k: dev.facts[k] for k in ('hostname', 'model', 'serialnumber', 'version', 'RE0', 'master', 'vc_capable', 'personality', 'HOME', 'current_re')}
    lldp = dev.rpc.get_lldp_neighbors_information()
    neighbors = [[n.findtext('lldp-local-port-id'), n.findtext('lldp-remote-system-name')]
                 for n in lldp.iter('lldp-neighbor-information')]
    cli = dev.cli('show version', warning=False)
    cu = Config(dev)
    cu.load('set system host-name pyez-renamed', format='set')
    diff = cu.diff()
    cu.commit()
    dev.close()
    print(json.dumps({'facts': facts, 'warnings': log.getvalue(), 'neighbors': neighbors, 'cli': cli, 'diff': diff}))


def ncclient():
    from lxml import etree
    from ncclient import manager

    host_filter = '<configuration><system><host-name/></system></configuration>'

    with manager.connect(host=HOST, port=PORT, username='admin', password='admin', hostkey_verify=False,
                         look_for_keys=False, allow_agent=False, device_params={'name': 'junos'}) as m:
        caps = list(m.server_capabilities)
        sw = m.rpc('<get-software-information/>')
        text = m.command('show version', format='text')
        conf = m.get_configuration(format='xml', filter=etree.XML(host_filter))
        m.load_configuration(action='set', format='text', config=['set system host-name nc-renamed'])
        m.commit()
        after = m.get_configuration(format='xml', filter=etree.XML(host_filter))
        try:
            m.rpc('<get-no-such-information/>')
            bad = None
        except Exception as err:  # RPCError
            bad = {'message': getattr(err, 'message', str(err)), 'bad_element': (getattr(err, 'info', '') or '')}
        print(json.dumps({
            'capabilities': caps,
            'session_id': m.session_id,
            'host_name': sw.xpath('//host-name')[0].text,
            'text': text.xpath('//output')[0].text,
            'config_host': conf.xpath('//configuration/system/host-name')[0].text,
            'after_host': after.xpath('//configuration/system/host-name')[0].text,
            'bad': bad,
        }))


def xml_mode():
    import paramiko

    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(HOST, port=PORT, username='admin', password='admin', look_for_keys=False, allow_agent=False)
    chan = client.get_transport().open_session()
    chan.exec_command('xml-mode netconf need-trailer')

    def read_message():
        data = b''
        while b']]>]]>' not in data:
            chunk = chan.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.decode()

    hello = read_message()
    chan.sendall('<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities>'
                 '<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>')
    chan.sendall('<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="101">'
                 '<get-software-information/></rpc>]]>]]>')
    reply = read_message()
    chan.close()
    client.close()
    print(json.dumps({'hello': hello, 'reply': reply}))


{'pyez': pyez, 'ncclient': ncclient, 'xml-mode': xml_mode}[MODE]()
