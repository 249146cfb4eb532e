"""The frozen bundle's entry point: ``agentdesk`` with every subcommand of the installed package,
plus ``agentdesk bundle-smoke`` (installer/smoke.py), which exists only in a built bundle."""

import multiprocessing
import sys


def main() -> int:
    # First, before any argument is parsed: in a bundle, multiprocessing starts its helpers (the
    # resource tracker of the demo's population worker, spawned workers) by running this executable
    # with its own arguments (``-c "from multiprocessing.resource_tracker import main…"``,
    # ``--multiprocessing-fork``). freeze_support runs the helper and exits; PyInstaller's runtime hook
    # makes it do so on every platform. Outside a bundle it does nothing.
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["bundle-smoke"]:
        from smoke import main as smoke_main

        return smoke_main(sys.argv[2:])
    from agentdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
