"""The frozen bundle's entry point: ``agentdesk`` with every subcommand of the installed package,
plus ``agentdesk bundle-smoke`` (installer/smoke.py), which exists only in a built bundle."""

import sys


def main() -> int:
    if sys.argv[1:2] == ["bundle-smoke"]:
        from smoke import main as smoke_main

        return smoke_main(sys.argv[2:])
    from agentdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
