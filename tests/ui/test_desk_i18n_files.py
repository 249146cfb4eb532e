"""The desk's translations survive their files being rewritten while it runs (``scripts/translations.sh``
during a test run, an update deployed in place): the catalogues are read into memory, never mapped from
the file (a mapped .qm that is truncated or rewritten crashed the desk at its next translated string)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from agentdesk_desktop.i18n import translations_dir

PROGRAM = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from agentdesk_desktop.i18n import Translations

    app = QCoreApplication([])
    folder = Path(sys.argv[1])
    translations = Translations(app, folder)
    translations.set_language("fi")
    print(QCoreApplication.translate("MainWindow", "&Quit"), flush=True)
    catalogue = folder / "agentdesk_fi.qm"
    with open(catalogue, "r+b") as fh:  # what lrelease does to the file: the same file, truncated, rewritten
        fh.truncate(0)
    print(QCoreApplication.translate("MainWindow", "&Settings…"), flush=True)
    catalogue.write_bytes(b"\\0" * 64)
    print(QCoreApplication.translate("InboxDock", "Inbox"), flush=True)
    translations.set_language("sv")
    translations.set_language("fi")  # the rewritten (broken) file: no crash, the source text
    print(QCoreApplication.translate("MainWindow", "&Quit"), flush=True)
    translations.clear()
    """
)


def test_a_catalogue_rewritten_while_the_desk_runs_does_not_crash_it(tmp_path):
    folder = tmp_path / "translations"
    folder.mkdir()
    for qm in Path(translations_dir()).glob("agentdesk_*.qm"):
        shutil.copy(qm, folder / qm.name)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(folder)], check=False, capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, f"the desk's process ended with {done.returncode}: {done.stderr[-2000:]}"
    # Finnish from the catalogue read at start, whatever became of its file; a broken file read later: English
    assert done.stdout.splitlines() == ["&Lopeta", "&Asetukset…", "Työjono", "&Quit"]
