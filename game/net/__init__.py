"""Classroom network play: the authoritative host, its server thread, a laptop's client.

Above the session, below the front ends (DESIGN.md): ``host`` judges moves through
a ``Session``; ``server`` owns the sockets in a thread; ``client``, ``mirror`` and
``remote_game`` are a laptop's side.  The protocol is in docs/network.md.
"""
