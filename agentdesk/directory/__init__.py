"""Staff sign-in against the city's directory (LDAP: Active Directory, OpenLDAP).

- :mod:`agentdesk.directory.settings`: the profile's ``[directory]`` table, once checked
- :mod:`agentdesk.directory.client`: authenticate one person, list everyone (ldap3)
- :mod:`agentdesk.directory.staff_sync`: the desk's sign-in and ``agentdesk staff sync``
"""
