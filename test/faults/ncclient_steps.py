"""Holds one ncclient session and runs the RPCs it is fed, one JSON line each.

Usage: /usr/bin/python3 ncclient_steps.py HOST PORT HANDLER [PASSWORD]
Prints {"ready": true} once the session is up (or {"connect_error": ...}); then for each line
{"rpc": "get-config", "timeout": S} prints {"reply", "error", "seconds", "connected"}.
"""
import json
import sys
import time

from ncclient import manager

host, port, handler = sys.argv[1:4]
password = sys.argv[4] if len(sys.argv) > 4 else "admin"
try:
    m = manager.connect(
        host=host, port=int(port), username="admin", password=password, hostkey_verify=False,
        look_for_keys=False, allow_agent=False, device_params={"name": handler}, timeout=10,
    )
except Exception as e:  # noqa: BLE001 - the test wants to see what ncclient raised
    print(json.dumps({"connect_error": "%s: %s" % (type(e).__name__, e)}), flush=True)
    sys.exit(0)
print(json.dumps({"ready": True, "session_id": m.session_id}), flush=True)

for line in sys.stdin:
    step = json.loads(line)
    m.timeout = step.get("timeout", 10)
    seen = {"reply": None, "error": None}
    started = time.monotonic()
    try:
        seen["reply"] = m.get_config(source="running").data_xml
    except Exception as e:  # noqa: BLE001
        seen["error"] = "%s: %s" % (type(e).__name__, e)
    seen["seconds"] = time.monotonic() - started
    # After a SessionCloseError ncclient's transport thread marks the session closed a moment
    # later: give it up to 2 s to see the connection gone.
    deadline = time.monotonic() + 2
    while seen["error"] and "SessionCloseError" in seen["error"] and m.connected and time.monotonic() < deadline:
        time.sleep(0.02)
    seen["connected"] = m.connected
    print(json.dumps(seen), flush=True)
