"""Department profiles: a good one becomes the plugin host's deployment; every kind of mistake IT
can make is reported with the file, the dotted key and a precise message."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from agentdesk import cli
from agentdesk.deployment.installed_plugins import InstalledPlugins, installed_plugins
from agentdesk.deployment.profile import ProfileError, check_profile, load_profile, parse_profile

MANIFEST = """\
id = "clinic"
version = "{version}"
api = "{api}"
factory = "agentdesk_clinic.plugin:create"
backend = "Clinic API"

[settings.base_url]
kind = "url"
required = true
description = "Clinic API base URL"

[settings.page_size]
kind = "int"
default = 20

[secrets.token]
required = true
description = "Bearer token"

[[panels]]
id = "visits"
sensitive = false
roles = ["agent", "supervisor"]

[[actions]]
id = "book"
roles = ["agent"]
"""

PLUGIN_CODE = """\
class Clinic:
    def __init__(self, context):
        self.context = context

    def panel(self, panel_id, call):
        raise KeyError(panel_id)

    def close(self):
        pass


def create(context):
    return Clinic(context)
"""

GOOD = """\
profile_version = 1

[department]
code = "health"
name = { fi = "Terveyspalvelut", en = "Health care" }
default_language = "sv"

[database]
url = "postgresql://desk@db.city.example:5432/agentdesk"

[queues]
member_of = ["health-phone", "health-mail"]

[plugins.clinic]
version = ">=1.0,<2"
base_url = "https://clinic.city.example/api/"
page_size = 50
secrets = ["token"]

[plugins.clinic.panel_roles]
visits = ["agent"]
"""


def install_fake_plugin(site: Path, *, version: str = "1.2.0", api: str = ">=1.0,<2") -> None:
    """A plugin distribution laid out as pip leaves it: package, manifest, dist-info, entry point."""
    package = site / "agentdesk_clinic"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "plugin.py").write_text(PLUGIN_CODE)
    (package / "agentdesk-plugin.toml").write_text(MANIFEST.format(version=version, api=api))
    info = site / f"agentdesk_plugin_clinic-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: agentdesk-plugin-clinic\nVersion: {version}\n")
    (info / "entry_points.txt").write_text("[agentdesk.plugins]\nclinic = agentdesk_clinic\n")


@pytest.fixture
def clinic(tmp_path, monkeypatch) -> InstalledPlugins:
    """The clinic plugin installed on sys.path; only it (the first-party plugins may be installed too)."""
    install_fake_plugin(tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    yield InstalledPlugins({"clinic": installed_plugins().plugins["clinic"]})
    for name in [m for m in sys.modules if m.split(".")[0] == "agentdesk_clinic"]:
        del sys.modules[name]


def problems(text: str, installed) -> list[str]:
    return [str(p) for p in check_profile(text, "p.toml", installed=installed)]


def edited(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


# -- the good profile ----------------------------------------------------------------------------


def test_good_profile_passes_and_becomes_the_plugin_deployment(clinic):
    assert problems(GOOD, clinic) == []
    profile = parse_profile(GOOD, "p.toml", installed=clinic)
    assert (profile.department, profile.default_language) == ("health", "sv")
    assert profile.department_name == {"fi": "Terveyspalvelut", "en": "Health care"}
    assert profile.database_url == "postgresql://desk@db.city.example:5432/agentdesk"
    assert profile.database_password == "keyring"
    assert profile.queues == ("health-phone", "health-mail")
    assert profile.describe() == "department health, 1 plugin"
    deployment = profile.deployment_plugins()
    config = deployment.plugin("clinic")
    assert config.enabled and config.values == {"base_url": "https://clinic.city.example/api/", "page_size": 50}
    assert config.panel_roles == {"visits": frozenset({"agent"})}
    assert not deployment.plugin("health").enabled  # a plugin the profile does not list stays off


def test_installed_plugins_are_found_through_their_entry_point_by_default(clinic):
    profile = parse_profile(GOOD, "p.toml")  # no installed=: importlib.metadata finds the clinic
    assert profile.plugins["clinic"].version.text == ">=1.0,<2"
    found = installed_plugins().get("clinic")
    assert (found.distribution, found.version, found.manifest.id) == ("agentdesk-plugin-clinic", "1.2.0", "clinic")
    assert "agentdesk_clinic" not in sys.modules  # read without importing plugin code


def test_the_profile_drives_the_plugin_host(clinic):
    from agentdesk.plugin_host.host import PluginHost, PluginState
    from agentdesk.plugin_host.settings import KeyringSecrets
    from agentdesk.staff import StaffMember
    from agentdesk.storage.models import StaffRole

    KeyringSecrets().set("clinic", "token", "t0ken")
    host = PluginHost(
        deployment=parse_profile(GOOD, "p.toml", installed=clinic).deployment_plugins(),
        secrets=KeyringSecrets(),
        audit_sink=lambda **entry: None,
    )
    statuses = {s.id: s.state for s in host.discover()}
    assert statuses["clinic"] is PluginState.FOUND
    assert all(state is PluginState.DISABLED for pid, state in statuses.items() if pid != "clinic")
    host.activate_all()
    assert host.status("clinic").state is PluginState.ACTIVE
    agent = StaffMember(1, "agent.aino", "Aino", StaffRole.AGENT, 1, "health", "Health")
    supervisor = StaffMember(2, "super.sari", "Sari", StaffRole.SUPERVISOR, 1, "health", "Health")
    assert [p.key for p in host.panels_for(agent)] == ["clinic.visits"]
    assert host.panels_for(supervisor) == []  # the profile narrowed visits to agents
    host.shutdown()


# -- one test per kind of problem ----------------------------------------------------------------


def test_toml_syntax_error_names_the_line(clinic):
    assert problems("profile_version = 1\n[department\n", clinic) == [
        "p.toml: not valid TOML: Expected ']' at the end of a table declaration (at line 2, column 12)"
    ]


def test_unknown_key_gets_a_typo_suggestion(clinic):
    assert problems(edited('default_language = "sv"', 'defualt_language = "sv"'), clinic) == [
        "p.toml: department.defualt_language: unknown key; did you mean 'default_language'?"
    ]


def test_unknown_key_without_a_close_match_lists_the_known_keys(clinic):
    assert problems(edited("[queues]", "[queues]\nwallpaper = 1"), clinic) == [
        "p.toml: queues.wallpaper: unknown key (known here: member_of)"
    ]


def test_unknown_plugin_setting_lists_the_manifest_settings(clinic):
    assert problems(edited("page_size = 50", "page_size = 50\nshade = 1"), clinic) == [
        (
            "p.toml: plugins.clinic.shade: unknown key; plugin clinic has no setting 'shade' "
            "(its settings: base_url, page_size)"
        )
    ]
    assert problems(edited("page_size = 50", "pagesize = 50"), clinic) == [
        (
            "p.toml: plugins.clinic.pagesize: unknown key; plugin clinic has no setting 'pagesize'; "
            "did you mean 'page_size'?"
        )
    ]


def test_wrong_types(clinic):
    assert problems(edited("page_size = 50", 'page_size = "50"\nenabled = "yes"'), clinic) == [
        "p.toml: plugins.clinic.enabled: expected true or false, got a text 'yes'",
        "p.toml: plugins.clinic.page_size: expected a whole number, got a text '50'",
    ]
    assert problems(edited('member_of = ["health-phone", "health-mail"]', 'member_of = "health-phone"'), clinic) == [
        "p.toml: queues.member_of: expected a list of texts, got a text 'health-phone'"
    ]


def test_bad_backend_url(clinic):
    assert problems(edited('"https://clinic.city.example/api/"', '"htp://clinic"'), clinic) == [
        (
            "p.toml: plugins.clinic.base_url: 'htp://clinic' is not an http(s) URL with a host "
            "(e.g. https://backend.city.example/api/)"
        )
    ]


def test_unknown_language(clinic):
    assert problems(edited('default_language = "sv"', 'default_language = "fin"'), clinic) == [
        "p.toml: department.default_language: unknown language 'fin'; use fi, sv or en; did you mean 'fi'?"
    ]


def test_password_inside_the_database_url_is_refused_without_repeating_it(clinic):
    found = problems(edited("desk@db", "desk:Hunter2@db"), clinic)
    assert found == [
        (
            "p.toml: database.url: the URL contains a password; passwords belong in the keyring: "
            "agentdesk secrets set database --db postgresql://desk@db.city.example:5432/agentdesk"
        )
    ]
    assert "Hunter2" not in "".join(found)


def test_literal_secret_values_are_refused_where_a_reference_belongs(clinic):
    found = problems(edited('secrets = ["token"]', 'secrets = ["token"]\ntoken = "Zx9-live-token"'), clinic)
    assert found == [
        (
            "p.toml: plugins.clinic.token: a secret value does not belong in the profile; list it as "
            'secrets = ["token"] and store it in the keyring: agentdesk secrets set plugin clinic token'
        )
    ]
    found = problems(edited("[queues]", 'password = "Hunter2"\n\n[queues]'), clinic)
    assert found == [
        (
            "p.toml: database.password: a password does not belong in the profile; write password = "
            '"keyring" and store it on each workstation: agentdesk secrets set database --db '
            "postgresql://desk@db.city.example:5432/agentdesk"
        )
    ]
    assert "Hunter2" not in "".join(found)


def test_plugin_version_constraint_syntax(clinic):
    assert problems(edited('version = ">=1.0,<2"', 'version = "=>1.0"'), clinic) == [
        "p.toml: plugins.clinic.version: not a version range clause: '=>1.0' (use e.g. \">=1.0,<2\")"
    ]


def test_plugin_not_installed(clinic):
    text = GOOD + '\n[plugins.clinc]\nbase_url = "https://x.example/"\n'
    assert problems(text, clinic) == [
        (
            "p.toml: plugins.clinc: plugin 'clinc' is not installed on this workstation (installed plugins: clinic); "
            "did you mean 'clinic'?"
        )
    ]
    assert problems(text.replace("[plugins.clinc]", "[plugins.clinc]\nenabled = false"), clinic) == []


def test_installed_version_outside_the_constraint(clinic):
    assert problems(edited('version = ">=1.0,<2"', 'version = ">=1.3,<2"'), clinic) == [
        (
            "p.toml: plugins.clinic.version: installed agentdesk-plugin-clinic 1.2.0 is outside the required "
            "range >=1.3,<2"
        )
    ]


def test_panel_not_in_the_manifest(clinic):
    assert problems(edited('visits = ["agent"]', 'visit = ["agent"]'), clinic) == [
        (
            "p.toml: plugins.clinic.panel_roles.visit: plugin clinic has no panel or action 'visit' "
            "(it has: visits, book); did you mean 'visits'?"
        )
    ]


def test_unknown_role(clinic):
    assert problems(edited('visits = ["agent"]', 'visits = ["agnet"]'), clinic) == [
        (
            "p.toml: plugins.clinic.panel_roles.visits: unknown role 'agnet'; known roles: admin, agent, dpo, "
            "steward, supervisor; did you mean 'agent'?"
        )
    ]


def test_role_the_manifest_does_not_allow(clinic):
    assert problems(edited('visits = ["agent"]', 'visits = ["agent", "steward"]'), clinic) == [
        (
            "p.toml: plugins.clinic.panel_roles.visits: the manifest of plugin clinic allows visits only for agent, "
            "supervisor; steward would never see it"
        )
    ]


def test_profile_version_newer_than_supported(clinic):
    assert problems(edited("profile_version = 1", "profile_version = 2"), clinic) == [
        ("p.toml: profile_version: 2 is newer than this AgentDesk supports (1); update AgentDesk on this workstation")
    ]
    assert problems(edited("profile_version = 1", ""), clinic) == [
        "p.toml: profile_version: missing: write profile_version = 1 at the top"
    ]


def test_required_setting_and_secret_from_the_manifest(clinic):
    text = edited('base_url = "https://clinic.city.example/api/"\n', "").replace('secrets = ["token"]', "secrets = []")
    assert problems(text, clinic) == [
        "p.toml: plugins.clinic.base_url: missing: plugin clinic requires this setting (Clinic API base URL)",
        (
            "p.toml: plugins.clinic.secrets: plugin clinic requires the secret 'token': list it here and store it "
            "with: agentdesk secrets set plugin clinic token"
        ),
    ]
    assert problems(edited('secrets = ["token"]', 'secrets = ["token", "tokn"]'), clinic) == [
        "p.toml: plugins.clinic.secrets: plugin clinic has no secret 'tokn' (its secrets: token); did you mean 'token'?"
    ]


def test_every_problem_is_reported_at_once(clinic):
    text = edited('default_language = "sv"', 'default_language = "xx"').replace('"health"', '"Health Dept"')
    assert problems(text, clinic) == [
        (
            "p.toml: department.code: 'Health Dept' is not a department code: lower-case letters, digits, _ and -, "
            "at most 32 characters (e.g. customer_service)"
        ),
        "p.toml: department.default_language: unknown language 'xx'; use fi, sv or en",
    ]
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "p.toml", installed=clinic)
    assert len(caught.value.problems) == 2


def test_embedded_database_needs_no_password(clinic):
    text = edited('url = "postgresql://desk@db.city.example:5432/agentdesk"', 'url = "sqlite:///C:/AgentDesk/desk.db"')
    assert parse_profile(text, "p.toml", installed=clinic).database_password == "none"
    no_db = edited('[database]\nurl = "postgresql://desk@db.city.example:5432/agentdesk"\n', "")
    assert parse_profile(no_db, "p.toml", installed=clinic).database_url is None
    assert problems(edited("postgresql://desk@db", "mysql://desk@db"), clinic) == [
        "p.toml: database.url: unsupported database 'mysql'; use postgresql://USER@HOST/DATABASE or sqlite:///PATH"
    ]


# -- reading from a file or a URL, and the CLI ---------------------------------------------------


@pytest.fixture
def profile_server():
    """A loopback web server handing out profiles: /good.toml, anything else 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/good.toml":
                body = GOOD.replace('en = "Health care"', 'sv = "Hälsovård"').encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")  # no charset: requests would guess Latin-1
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_profile_from_a_url(clinic, profile_server):
    profile = load_profile(f"{profile_server}/good.toml", installed=clinic, timeout=5)
    assert profile.department == "health" and profile.source.endswith("/good.toml")
    assert profile.department_name["sv"] == "Hälsovård"
    with pytest.raises(ProfileError) as caught:
        load_profile(f"{profile_server}/nope.toml", installed=clinic, timeout=5)
    assert [str(p) for p in caught.value.problems] == [
        f"{profile_server}/nope.toml: cannot fetch the profile: HTTP 404"
    ]


def test_profile_check_command(clinic, tmp_path, capsys):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD)
    bad.write_text(GOOD.replace('"sv"', '"fin"'))
    assert cli.main(["profile", "check", str(good)]) == 0
    assert capsys.readouterr().out == f"{good}: OK (department health, 1 plugin)\n"
    assert cli.main(["profile", "check", str(good), str(bad), str(tmp_path / "missing.toml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{good}: OK (department health, 1 plugin)",
        f"{bad}: department.default_language: unknown language 'fin'; use fi, sv or en; did you mean 'fi'?",
        f"{tmp_path / 'missing.toml'}: cannot read the profile: No such file or directory",
    ]


# -- what no profile should hold, and what it must never crash on ------------------------------


def test_nesting_past_the_limit_is_a_finding_with_its_key(clinic):
    arrays = edited("page_size = 50", "page_size = " + "[" * 5000 + "]" * 5000)
    assert problems(arrays, clinic) == [
        (
            "p.toml: plugins.clinic.page_size: nested more than 8 levels deep (tables, lists and inline tables inside "
            "each other); a profile needs at most 5"
        )
    ]
    tables = edited("page_size = 50", "page_size = " + "{ a = " * 3000 + "1" + " }" * 3000)
    assert [p.split(": ")[1] for p in problems(tables, clinic)] == ["plugins.clinic.page_size"]
    dotted = "profile_version = 1\n" + "x" + ".x" * 3000 + " = 1\n"
    [found] = problems(dotted, clinic)
    assert found.startswith("p.toml: x.x.x.x.x.x.x.x.x: nested more than 8 levels deep")
    headers = "profile_version = 1\n[" + ".".join(["h"] * 3000) + "]\n"
    assert "nested more than 8 levels deep" in problems(headers, clinic)[0]
    assert problems('profile_version = 1\ns = "[[[[[[[[[[[[" # [[[[[[[[[[\n', None) == [
        (
            "p.toml: s: unknown key (known here: profile_version, department, database, queues, cases, plugins, "
            "retention, directory, survivorship, work, reports, email)"
        ),
        "p.toml: department: missing: add a [department] table",
    ]


def test_huge_numbers_are_reported_not_a_crash(clinic):
    assert problems(edited("page_size = 50", "page_size = " + "9" * 5000), clinic) == [
        "p.toml: not valid TOML: a number with too many digits"
    ]
    assert problems(edited("page_size = 50", "page_size = 0x" + "f" * 5000), clinic) == []  # a whole number
    assert problems(edited('"https://clinic.city.example/api/"', "0x" + "f" * 5000), clinic) == [
        "p.toml: plugins.clinic.base_url: expected an http(s) URL, got a whole number"
    ]
    assert problems(
        edited("page_size = 50", "page_size = 0x" + "f" * 5000).replace(
            "version = 1", "version = " + "0x" + "f" * 5000
        ),
        clinic,
    ) == [
        (
            "p.toml: profile_version: a number too large to show is newer than this AgentDesk supports (1); "
            "update AgentDesk on this workstation"
        )
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://clinic.city.example/api/?api_key=Zx9-live-token",
        "https://clinic.city.example/api/?lang=fi&access_token=Zx9-live-token",
        "https://clinic.city.example/api/?Secret=Zx9-live-token#x",
        "https://Zx9-live-token@clinic.city.example/api/",
        "https://desk:Zx9-live-token@clinic.city.example/api/",
    ],
)
def test_a_secret_in_a_plugin_url_fails_the_check_without_repeating_it(clinic, url):
    [found] = problems(edited("https://clinic.city.example/api/", url), clinic)
    assert found.startswith("p.toml: plugins.clinic.base_url: the URL ")
    assert found.endswith(
        "secrets go in the keyring: list the secret in secrets = [...] and store it with "
        "agentdesk secrets set plugin clinic KEY"
    )
    assert "Zx9" not in found


def test_a_bad_database_url_never_shows_its_password(clinic):
    [found] = problems(edited("desk@db.city.example:5432", "desk:Hunter2@db.city.example:54x2"), clinic)
    assert found == (
        "p.toml: database.url: 'postgresql://desk:***@db.city.example:54x2/agentdesk' is not a database "
        "URL; use postgresql://USER@HOST[:PORT]/DATABASE (the port a number) or sqlite:///PATH"
    )
    [found] = problems(edited("5432/agentdesk", "5432/agentdesk?password=Hunter2"), clinic)
    assert "Hunter2" not in found and found.startswith("p.toml: database.url: the URL carries a secret in its query")
    found = problems(edited("[queues]", 'password = "Hunter2"\n\n[queues]').replace("desk@", "desk:Hunter3@"), clinic)
    assert len(found) == 2 and "Hunter" not in "".join(found)


def test_a_secret_in_a_url_fails_even_where_no_manifest_says_it_is_a_url(clinic):
    text = GOOD + '\n[plugins.gone]\nenabled = false\nbase_url = "https://gone.example/?token=Zx9-live-token"\n'
    [found] = problems(text, clinic)
    assert found.startswith("p.toml: plugins.gone.base_url: the URL carries a secret in its query (token)")
    assert "Zx9" not in found
