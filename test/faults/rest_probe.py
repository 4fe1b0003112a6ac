"""One REST call as a third-party client makes it; prints what the client saw as JSON.

usage: rest_probe.py pyeapi HOST PORT USER PASSWORD TIMEOUT
       rest_probe.py requests URL USER PASSWORD TIMEOUT [JSON-BODY]
"""
import json
import sys
import time


def outcome(started, **seen):
    seen["seconds"] = round(time.monotonic() - started, 3)
    print(json.dumps(seen))


def probe_pyeapi(host, port, user, password, timeout):
    import pyeapi

    node = pyeapi.client.Node(
        pyeapi.client.connect(
            transport="https", host=host, port=int(port), username=user, password=password, timeout=float(timeout)
        )
    )
    started = time.monotonic()
    try:
        result = node.enable("show version")[0]["result"]
        outcome(started, ok=True, model=result.get("modelName"))
    except Exception as error:  # what pyeapi raises is the observation
        outcome(started, ok=False, error=type(error).__name__, message=str(error))


def probe_requests(url, user, password, timeout, body=None):
    import requests
    import urllib3

    urllib3.disable_warnings()
    started = time.monotonic()
    try:
        if body is None:
            response = requests.get(url, auth=(user, password), verify=False, timeout=float(timeout),
                                    headers={"Accept": "application/yang-data+json"})
        else:
            response = requests.post(url, auth=(user, password), verify=False, timeout=float(timeout),
                                     data=body, headers={"Content-Type": "application/json"})
    except Exception as error:
        return outcome(started, ok=False, error=type(error).__name__, message=str(error))
    try:
        response.json()
        parsed = True
    except ValueError:
        parsed = False
    outcome(started, ok=True, status=response.status_code, parsed=parsed, text=response.text[:400])


if sys.argv[1] == "pyeapi":
    probe_pyeapi(*sys.argv[2:7])
else:
    probe_requests(*sys.argv[2:7])
