"""Tests that use the `lab` fixture of conftest.py: a collector's view of the lab."""
from netmiko import ConnectHandler


def test_every_device_is_in_the_inventory(lab):
    assert sorted(d["name"] for d in lab) == sorted(f"R{i}" for i in range(1, 11))


def test_r1_sees_r2_over_cdp(lab):
    r1 = next(d for d in lab if d["name"] == "R1")
    conn = ConnectHandler(
        device_type=r1["platform"], host=r1["host"], port=r1["port"],
        username=r1["username"], password=r1["password"], secret=r1["secret"],
    )
    try:
        output = conn.send_command("show cdp neighbors")
    finally:
        conn.disconnect()
    assert "R2" in output
