"""Holds one netmiko (cisco_ios) session and runs the commands it is fed, one JSON line each.

Usage: /usr/bin/python3 netmiko_steps.py HOST PORT SESSION_LOG
Prints {"ready": true} once logged in; then for each line {"command": ..., "max_loops": N} on
stdin prints {"output", "seconds", "error", "alive", "log"}: "log" is what the session log got
while the command ran (the part of an output that arrived before a drop, for instance).
"""
import json
import sys
import time

from netmiko import ConnectHandler

host, port, log_path = sys.argv[1:4]
conn = ConnectHandler(
    device_type="cisco_ios", host=host, port=int(port), username="admin", password="admin",
    secret="admin", timeout=10, banner_timeout=10, session_log=log_path,
)
print(json.dumps({"ready": True, "prompt": conn.find_prompt()}), flush=True)


def log_size():
    conn.session_log.flush()
    with open(log_path, "rb") as f:
        return len(f.read())


for line in sys.stdin:
    step = json.loads(line)
    before = log_size()
    seen = {"output": None, "error": None}
    started = time.monotonic()
    try:
        seen["output"] = conn.send_command(step["command"], max_loops=step.get("max_loops", 500))
    except Exception as e:  # noqa: BLE001 - the test wants to see what netmiko raised
        seen["error"] = "%s: %s" % (type(e).__name__, e)
    seen["seconds"] = time.monotonic() - started
    seen["alive"] = conn.is_alive()
    with open(log_path, "rb") as f:
        seen["log"] = f.read()[before:].decode("utf-8", "replace")
    print(json.dumps(seen), flush=True)
