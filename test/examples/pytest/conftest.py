"""A labfleet lab for the whole pytest session, started with `labfleet up` in the background."""
import json
import os
import shlex
import subprocess
import time

import pytest

# How to run labfleet: the installed command by default; LABFLEET="npx labfleet" or
# LABFLEET="node dist/client/cli/main.js" for a local checkout.
LABFLEET = shlex.split(os.environ.get("LABFLEET", "labfleet"))
TOPOLOGY = "routers-10"
READY_WITHIN_S = 60


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """Yields the inventory's devices (name, platform, host, port, username, password, ...)."""
    work = tmp_path_factory.mktemp("labfleet")
    inventory, ready = work / "inv.json", work / "ready.json"
    with open(work / "up.log", "w") as log:
        # Port 0: the OS picks free ports, so parallel CI jobs on one machine never collide.
        process = subprocess.Popen(
            [*LABFLEET, "up", TOPOLOGY, "--ssh-port", "0", "--rest-port", "0",
             "--inventory", str(inventory), "--ready-file", str(ready)],
            stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + READY_WITHIN_S
        while not ready.exists():
            if process.poll() is not None:
                pytest.fail(f"labfleet up exited with {process.returncode}: {(work / 'up.log').read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"labfleet up was not ready within {READY_WITHIN_S} s")
            time.sleep(0.1)
        yield json.loads(inventory.read_text())["devices"]
    finally:
        process.terminate()  # SIGTERM: labfleet up closes every listener and exits
        process.wait(timeout=30)
