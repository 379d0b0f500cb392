"""Which hosts `factcheck add URL` may fetch: public addresses only, unless allowed.

A page or a redirect can point the desk at `http://169.254.169.254/` (cloud
metadata), `http://localhost:8080/admin` or a printer on the office network. So
every hop's host is resolved and *every* address it resolves to is checked before
the request; the request then goes to the checked address (no second DNS lookup a
rebinding server could answer differently). Numeric spellings (`0x7f000001`,
`2130706433`, `0177.0.0.1`, `127.1`) resolve through the system resolver exactly as
the connection would, so they are caught by what they resolve to, and addresses
embedded in IPv6 (IPv4-mapped `::ffff:127.0.0.1`, 6to4, NAT64, IPv4-compatible)
are checked as the IPv4 address they carry. `[fetch] allow_private_hosts = true`
turns the check off (intranets, tests).
"""

from __future__ import annotations

import ipaddress
import socket

from factcheck.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Not global, whatever a given Python version's `is_global` says about them.
_BLOCKED_V4 = [
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches the local host
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT (shared address space)
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local: cloud metadata lives here
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and 255.255.255.255 broadcast
    )
]
_NAT64 = [ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48")]
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def is_public_address(address: IPAddress) -> bool:
    """True when `address` is a globally routed unicast address (not local in any sense)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public_address(embedded)
        return (
            address.is_global
            and not address.is_multicast
            and not address.is_site_local
            and not address.is_reserved
        )
    return address.is_global and not any(address in net for net in _BLOCKED_V4)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it carries one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client (the server is a public relay)
    if any(address in net for net in _NAT64) or address in _IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def resolve_public(url: str, host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to, all of them public, else a one-line `InputError`.

    A host that is one private address among public ones is refused too: which one the
    connection would use is the resolver's choice, not ours.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"cannot reach {url}: cannot resolve {host} ({reason})") from None
    addresses: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if not is_public_address(address):
            raise InputError(
                f"refusing to fetch {url}: {host} is a private or local address ({address});"
                " set [fetch] allow_private_hosts = true in config.toml to allow it"
            )
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise InputError(f"cannot reach {url}: {host} has no address")
    return addresses
