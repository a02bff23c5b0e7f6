"""The commands, one module each (or one per pair that shares its work).

A command module declares its options (the shared ones from ``exitcheck.cli.options``), and
hands its work to ``exitcheck.cli.runner.answer``; it never formats, writes or exits by itself.
``exitcheck.cli`` imports only the module of the command that was invoked. Exceptions become
exit codes in ``exitcheck.cli.exits``.

The command modules do not use ``from __future__ import annotations``: Typer reads the invoked
command's signature on every call, and string annotations would be compiled and evaluated
again each time (see ``exitcheck.cli``). Names imported only for the type checker are quoted
there.
"""
