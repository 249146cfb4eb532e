"""What IT needs to deploy AgentDesk: department profiles (checked, kept as the last good one),
secrets provisioned into the OS keyring, safe schema upgrades and a smoke test for a built bundle.

Qt-free like the rest of the core; ``agentdesk.deployment.commands`` adds the CLI subcommands.
"""
