"""Who the client is: the socket's peer, or the address the configured proxy puts in X-Forwarded-For.

A browser can send any X-Forwarded-For it likes: read as is, it would let one client pose as twenty and escape
the sign-in slowing (clsm_data.access.slowing). The header is believed only on a connection that comes from a
proxy the operator named in `CLSM_TRUSTED_PROXY` (addresses or networks, separated by commas or spaces, e.g.
"127.0.0.1" when nginx runs on the same machine, as `make network` sets it up); from anyone else, the socket's
peer address is the client. Not set: no proxy is trusted.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable

from clsm_data.core.errors import ConfigError

ENV = "CLSM_TRUSTED_PROXY"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_proxies(value: str | None = None) -> tuple[Network, ...]:
    """The proxies whose X-Forwarded-For is believed: `value`, or `CLSM_TRUSTED_PROXY` when None.

    Raises:
        ConfigError: an entry is neither an address nor a network.
    """
    text = os.environ.get(ENV, "") if value is None else value
    out = []
    for item in text.replace(",", " ").split():
        try:
            out.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ConfigError(
                f"{ENV} : « {item} » n'est ni une adresse IP ni un réseau.",
                "Exemples : 127.0.0.1, ou « 127.0.0.1 10.0.0.0/24 » (adresses du ou des mandataires inverses).",
            ) from exc
    return tuple(out)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address written in a header hop: "1.2.3.4", "1.2.3.4:5678", "[::1]:80" or "::1"; None if malformed."""
    hop = text.strip()
    if hop.startswith("["):
        hop = hop[1:hop.find("]")] if "]" in hop else ""
    elif hop.count(":") == 1:
        hop = hop.split(":", 1)[0]
    try:
        ip = ipaddress.ip_address(hop)
    except ValueError:
        return None
    return ip.ipv4_mapped or ip if isinstance(ip, ipaddress.IPv6Address) else ip


def _trusted(ip, proxies: tuple[Network, ...]) -> bool:
    return ip is not None and any(ip.version == net.version and ip in net for net in proxies)


def client_address(peer: str | None, forwarded_for: Iterable[str] | str | None,
                   proxies: tuple[Network, ...]) -> str | None:
    """The client's address.

    Args:
        peer: the address at the other end of the socket.
        forwarded_for: the X-Forwarded-For header(s) of the request (each may list several hops).
        proxies: the trusted proxies (`trusted_proxies()`).
    Returns:
        `peer` unless it is a trusted proxy; then the nearest hop of X-Forwarded-For that is not itself a trusted
        proxy (read from the right: each proxy appends the address it saw), or `peer` when the header is absent or
        a hop is malformed (nothing further left of it can be believed).
    """
    if not _trusted(_ip(peer or ""), proxies) or not forwarded_for:
        return peer
    values = [forwarded_for] if isinstance(forwarded_for, str) else list(forwarded_for)
    hops = [h for v in values for h in v.split(",") if h.strip()]
    nearest = None
    for hop in reversed(hops):
        ip = _ip(hop)
        if ip is None:
            return str(nearest) if nearest is not None else peer
        nearest = ip
        if not _trusted(ip, proxies):
            return str(ip)
    return str(nearest) if nearest is not None else peer  # every hop a proxy: the client is one of them
