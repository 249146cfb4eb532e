"""AgentDesk's demo and development kit (distribution ``agentdesk-demo``), outside the product:

- :mod:`agentdesk_demo.population`: the synthetic Finnish population and its bulk loader (``agentdesk seed``)
- :mod:`agentdesk_demo.simulators`: the AMI simulator with its PBX, and the LMTP relay of the test mail servers
- :mod:`agentdesk_demo.backends`: the plugins' demo back ends, found through the ``agentdesk.demo_backends``
  entry point (:mod:`agentdesk.plugin_api.demo`) and seeded from the demo people (:mod:`agentdesk_demo.demo_seed`)
- :mod:`agentdesk_demo.demo_queues`, :mod:`agentdesk_demo.demo_calls`: a day of queue work and the demo's calls
- :mod:`agentdesk_demo.commands`: ``agentdesk seed`` and ``agentdesk demo`` (entry point ``agentdesk.commands``)

It imports the core and the desktop; neither imports it.
"""
