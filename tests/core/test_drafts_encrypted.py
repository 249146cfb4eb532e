"""Drafts belong to the signed-in staff user and are encrypted at rest (issue #11, item 7)."""

from __future__ import annotations

import json
import logging

import pytest

from agentdesk import credentials
from agentdesk.drafts import DRAFTS_SERVICE, DraftMode, DraftStore, new_key, owner_folder_name

NOTE = "Asiakas kertoi päihdeongelmastaan, soittaa huomenna uudelleen"


def files_under(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def test_a_draft_comes_back_to_its_user_in_a_new_session(tmp_path):
    key = new_key()
    DraftStore.opened(tmp_path, "agent.aino", key).save("contact-1", "interaction", {"notes": NOTE})
    [draft] = DraftStore.opened(tmp_path, "agent.aino", key).load_all("interaction")
    assert (draft.key, draft.data) == ("contact-1", {"notes": NOTE})
    DraftStore.opened(tmp_path, "agent.aino", key).discard("contact-1")
    assert DraftStore.opened(tmp_path, "agent.aino", key).load_all() == []


def test_no_note_text_and_no_username_reach_the_disk(tmp_path):
    store = DraftStore.opened(tmp_path, "agent.aino", new_key())
    store.save("contact-1", "interaction", {"notes": NOTE, "customer_name": "Anna Virtanen"})
    found = files_under(tmp_path)
    assert found, "the draft is on disk"
    for path in found:
        raw = path.read_bytes()
        assert NOTE.encode() not in raw and "päihde".encode() not in raw and b"Anna" not in raw
        assert b"agent.aino" not in raw
    assert all("aino" not in part for p in found for part in p.parts), "the folder is a hash, not the name"
    assert store.folder is not None and store.folder.name == owner_folder_name("agent.aino")


def test_another_user_on_the_workstation_finds_nothing(tmp_path):
    DraftStore.opened(tmp_path, "agent.aino", new_key()).save("contact-1", "interaction", {"notes": NOTE})
    assert DraftStore.opened(tmp_path, "nurse.ville", new_key()).load_all() == []


@pytest.mark.expect_log_warnings  # the unreadable file is logged as skipped
def test_another_key_cannot_read_a_draft_and_it_is_skipped(tmp_path, caplog):
    DraftStore.opened(tmp_path, "agent.aino", new_key()).save("contact-1", "interaction", {"notes": NOTE})
    assert DraftStore.opened(tmp_path, "agent.aino", new_key()).load_all() == []
    assert "could not be decrypted" in caplog.text and NOTE not in caplog.text


@pytest.mark.expect_log_warnings
def test_a_tampered_file_is_skipped_and_the_others_still_load(tmp_path, caplog):
    store = DraftStore.opened(tmp_path, "agent.aino", new_key())
    store.save("contact-1", "interaction", {"notes": NOTE})
    store.save("contact-2", "interaction", {"notes": "toinen"})
    assert store.folder is not None
    path = store.folder / "contact-1.draft"
    raw = bytearray(path.read_bytes())
    raw[40] = ord("A") if raw[40] != ord("A") else ord("B")
    path.write_bytes(bytes(raw))
    assert [d.key for d in store.load_all()] == ["contact-2"]
    assert "could not be decrypted" in caplog.text
    assert [d.key for d in store.load_all()] == ["contact-2"]
    assert caplog.text.count("could not be decrypted") == 1, "logged once, not at every look"


def test_plaintext_drafts_of_an_earlier_version_are_deleted_with_a_log_line(tmp_path, caplog):
    tmp_path.mkdir(exist_ok=True)
    old = tmp_path / "contact-old.json"
    old.write_text(json.dumps({"kind": "interaction", "saved_at": 1.0, "data": {"notes": NOTE}}))
    store = DraftStore.opened(tmp_path, "agent.aino", new_key())
    assert not old.exists()
    assert store.load_all() == []
    assert "deleted 1 unencrypted draft file" in caplog.text and NOTE not in caplog.text


def test_the_key_is_made_once_per_user_in_the_keyring(tmp_path):
    assert DraftStore(tmp_path).open_for("agent.aino") is DraftMode.ENCRYPTED
    key = credentials.get_secret(DRAFTS_SERVICE, "agent.aino")
    assert key
    DraftStore(tmp_path).open_for("agent.aino")
    assert credentials.get_secret(DRAFTS_SERVICE, "agent.aino") == key, "the same key the next time"
    DraftStore(tmp_path).open_for("nurse.ville")
    assert credentials.get_secret(DRAFTS_SERVICE, "nurse.ville") not in (None, key)


def test_without_a_secure_keyring_drafts_stay_in_memory_only(tmp_path, monkeypatch):
    monkeypatch.delenv(credentials.ALLOW_PLAINTEXT_ENV)  # the tests' plaintext keyring is refused now
    store = DraftStore(tmp_path)
    assert store.open_for("agent.aino") is DraftMode.MEMORY
    store.save("contact-1", "interaction", {"notes": NOTE})
    assert [d.data["notes"] for d in store.load_all()] == [NOTE], "kept for the session"
    assert files_under(tmp_path) == [], "nothing on disk"
    store.discard("contact-1")
    assert store.load_all() == []


def test_a_store_reopened_for_another_user_forgets_the_first_users_memory(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    store = DraftStore.opened(tmp_path, "agent.aino", None)
    store.save("contact-1", "interaction", {"notes": NOTE})
    store.open("nurse.ville", None)
    assert store.load_all() == []


def test_a_store_never_opened_fails_at_once_when_the_desk_gives_up_waiting(tmp_path):
    import threading

    from agentdesk.drafts import DraftsNotOpen

    store = DraftStore(tmp_path)
    failures: list[BaseException] = []

    def look() -> None:
        try:
            store.load_all()
        except DraftsNotOpen as exc:
            failures.append(exc)

    waiting = threading.Thread(target=look)
    waiting.start()
    store.give_up_waiting()
    waiting.join()
    assert len(failures) == 1 and files_under(tmp_path) == []
