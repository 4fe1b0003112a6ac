"""Drives one Junos device with netmiko (juniper_junos) and prints what it saw as JSON.

Usage: /usr/bin/python3 netmiko_juniper_junos.py HOST PORT USERNAME PASSWORD
"""
import json
import sys

from netmiko import ConnectHandler

host, port, username, password = sys.argv[1:5]
seen = {}
conn = ConnectHandler(
    device_type="juniper_junos", host=host, port=int(port), username=username,
    password=password, timeout=20, banner_timeout=20,
)
seen["base_prompt"] = conn.base_prompt
seen["prompt"] = conn.find_prompt()
seen["version"] = conn.send_command("show version")
seen["lldp"] = conn.send_command("show lldp neighbors")
seen["invalid"] = conn.send_command("show foo")
seen["config_enter"] = conn.config_mode()
seen["in_config"] = conn.check_config_mode()
seen["config_prompt"] = conn.find_prompt()
seen["config_exit"] = conn.exit_config_mode()
seen["in_config_after"] = conn.check_config_mode()
seen["prompt_end"] = conn.find_prompt()
conn.disconnect()
print(json.dumps(seen))
