"""Runs one command through netmiko with use_textfsm=True and prints the parsed rows as JSON.

netmiko 2.4.2 finds TextFSM templates through the index file in the directory named by the
NET_TEXTFSM environment variable; the calling test writes its own templates there.

Usage: NET_TEXTFSM=DIR /usr/bin/python3 netmiko_textfsm.py HOST PORT DEVICE_TYPE SECRET COMMAND
"""
import json
import sys

from netmiko import ConnectHandler

host, port, device_type, secret, command = sys.argv[1:6]
conn = ConnectHandler(
    device_type=device_type, host=host, port=int(port), username="admin",
    password="admin", secret=secret, timeout=20, banner_timeout=20,
)
if device_type == "cisco_ios":
    conn.enable()
parsed = conn.send_command(command, use_textfsm=True)
conn.disconnect()
print(json.dumps(parsed))
