"""Drives one NX-OS device with netmiko (cisco_nxos) and prints what it saw as JSON.

Usage: /usr/bin/python3 netmiko_cisco_nxos.py HOST PORT USERNAME PASSWORD INTERFACE
"""
import json
import sys

from netmiko import ConnectHandler

host, port, username, password, interface = sys.argv[1:6]
seen = {}
conn = ConnectHandler(
    device_type="cisco_nxos", host=host, port=int(port), username=username,
    password=password, timeout=20, banner_timeout=20,
)
seen["prompt"] = conn.find_prompt()
seen["base_prompt"] = conn.base_prompt
seen["version"] = conn.send_command("show version")
seen["cdp"] = conn.send_command("show cdp neighbors detail")
seen["abbreviated"] = conn.send_command("sh ver | inc Device")
seen["invalid"] = conn.send_command("show foo")
seen["enabled"] = conn.check_enable_mode()
seen["config_set"] = conn.send_config_set(["interface " + interface, "description set by netmiko", "shutdown"])
seen["in_config_after"] = conn.check_config_mode()
conn.config_mode()
seen["in_config"] = conn.check_config_mode()
seen["config_prompt"] = conn.find_prompt()
conn.exit_config_mode()
seen["prompt_end"] = conn.find_prompt()
conn.disconnect()
print(json.dumps(seen))
