"""`exitcheck info`: the registries in effect, their versions, fingerprints and counts."""

from exitcheck.cli.options import JsonOnly, Output
from exitcheck.cli.runner import Call, answer
from exitcheck.errors import EXIT_OK


def info(json: JsonOnly = False, output: Output = None) -> None:
    """Describe the registries in effect: paths, versions, fingerprints, counts and date range.

    Example: exitcheck info --json
    """

    def work(call: Call) -> int:
        from exitcheck import api
        from exitcheck.render import info as view

        call.write([view.info(api.info(call.registry()), json, call.words())])
        return EXIT_OK

    answer(work, json=json, output=output)
