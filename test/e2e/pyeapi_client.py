"""Drives one EOS device's eAPI with pyeapi (what napalm's and Ansible's EOS support use); prints JSON."""
import json
import sys

import pyeapi
from pyeapi.eapilib import CommandError

host, port, username, password, secret = sys.argv[1:6]
connection = pyeapi.client.connect(
    transport="https", host=host, port=int(port), username=username, password=password
)
node = pyeapi.client.Node(connection, enablepwd=secret)
seen = {}
seen["version"] = node.enable("show version")[0]["result"]
seen["lldp"] = node.enable("show lldp neighbors detail")[0]["result"]
seen["lldp_text"] = node.run_commands(["show lldp neighbors"], encoding="text")[0]["output"]
seen["config"] = node.config(["interface Ethernet1", "description set by pyeapi", "hostname pyeapi-sw"])
seen["hostname"] = node.enable("show hostname")[0]["result"]
seen["running_config"] = node.running_config
try:
    node.enable("show bogus")
except CommandError as error:
    seen["error"] = {"code": error.error_code, "text": error.error_text, "message": str(error)}
bad = pyeapi.client.Node(
    pyeapi.client.connect(transport="https", host=host, port=int(port), username=username, password="wrong")
)
try:
    bad.enable("show version")
except Exception as error:  # pyeapi raises ConnectionError for a 401
    seen["bad_password"] = f"{type(error).__name__}: {error}"
print(json.dumps(seen))
