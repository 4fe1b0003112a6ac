"""Polls one device with netmiko while its link flaps, and prints what it saw as JSON.

Usage: /usr/bin/python3 netmiko_poll.py DEVICE_TYPE HOST PORT PASSWORD COMMAND NEEDLE COUNT INTERVAL LOG_COMMAND

Sends COMMAND COUNT times (INTERVAL seconds apart) on one session and records whether NEEDLE is in
each answer; then LOG_COMMAND's output.
"""
import json
import sys
import time

from netmiko import ConnectHandler

device_type, host, port, password, command, needle, count, interval, log_command = sys.argv[1:10]
conn = ConnectHandler(
    device_type=device_type, host=host, port=int(port), username="admin",
    password=password, secret=password, timeout=20, banner_timeout=20,
)
conn.enable()
seen = []
for _ in range(int(count)):
    seen.append(needle in conn.send_command(command))
    time.sleep(float(interval))
log = conn.send_command(log_command)
conn.disconnect()
print(json.dumps({"seen": seen, "log": log}))
