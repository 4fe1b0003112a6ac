"""Drives one EOS device with netmiko (arista_eos) and prints what it saw as JSON.

Usage: /usr/bin/python3 netmiko_arista_eos.py HOST PORT USERNAME PASSWORD SECRET INTERFACE
"""
import json
import sys

from netmiko import ConnectHandler

host, port, username, password, secret, interface = sys.argv[1:7]
seen = {}
conn = ConnectHandler(
    device_type="arista_eos", host=host, port=int(port), username=username,
    password=password, secret=secret, timeout=20, banner_timeout=20,
)
seen["prompt_user"] = conn.find_prompt()
seen["version"] = conn.send_command("show version")
seen["lldp"] = conn.send_command("show lldp neighbors")
seen["invalid"] = conn.send_command("show foo")
seen["unprivileged"] = conn.send_command("show running-config")
conn.enable()
seen["prompt_enable"] = conn.find_prompt()
seen["config_set"] = conn.send_config_set(["interface " + interface, "description set by netmiko"])
seen["in_config_after"] = conn.check_config_mode()
conn.config_mode()
seen["in_config"] = conn.check_config_mode()
seen["prompt_config"] = conn.find_prompt()
conn.exit_config_mode()
seen["prompt_end"] = conn.find_prompt()
conn.disconnect()
print(json.dumps(seen))
