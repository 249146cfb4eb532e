"""The citizen web pages in a real browser (headless Chromium through its WebDriver): a self-service
update with a mistake is shown at its field with everything typed kept, fixed and filed as a work item
an agent accepts; a survey answered with a click, and its link refused when reused."""

from __future__ import annotations

import re
import shutil

import pytest
from agentdesk_sms.client import HttpSmsGateway
from agentdesk_sms.reference_gateway import ReferenceGateway

from agentdesk.citizen.feedback import SurveyPolicy
from agentdesk.citizen.updates import SelfServiceUpdates
from agentdesk.customer_register import CustomerRegister
from agentdesk.outreach.transports import GatewayTransport
from agentdesk.plugin_api import GatewayConfig
from agentdesk.queues import WorkQueue
from agentdesk.storage.models import Channel
from tests.core.citizen_support import closed_contact, self_service_queue, start_web, token_in
from tests.core.outreach_support import build_town
from tests.core.test_citizen_updates import HETU, with_hetu

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="no Chromium (scripts/test.sh installs chromium and chromium-driver)"
)


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fi"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


@pytest.fixture
def web(sqlite_db):
    server, surveys = start_web(sqlite_db, policy=SurveyPolicy(send_by=(Channel.SMS,)))
    yield server, surveys
    server.stop()


def after_submit(browser, element_id: str):
    """The element of the page the submit led to (a click does not wait for the next page)."""
    return WebDriverWait(browser, 15).until(expected_conditions.presence_of_element_located((By.ID, element_id)))


def fill(browser, field: str, text: str) -> None:
    box = browser.find_element(By.ID, field)
    box.clear()
    box.send_keys(text)


def test_a_self_service_phone_update_in_the_browser_lands_as_work_and_is_accepted(sqlite_db, web, browser):
    db = sqlite_db
    server, _surveys = web
    town = build_town(db)
    with_hetu(db, town["aino"])
    self_service_queue(db)

    browser.get(f"{server.url}/update?lang=fi")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Päivitä omat tietosi"
    Select(browser.find_element(By.ID, "kind")).select_by_value("phone")
    fill(browser, "hetu", "131052-308A")  # a wrong check character
    fill(browser, "last_name", "Aalto")
    fill(browser, "phone", "050 765 4321")
    browser.find_element(By.ID, "send").click()

    assert "Henkilötunnus ei ole oikein" in after_submit(browser, "error-hetu").text
    assert browser.find_element(By.ID, "phone").get_attribute("value") == "050 765 4321"  # nothing typed lost
    assert browser.find_element(By.ID, "last_name").get_attribute("value") == "Aalto"
    assert Select(browser.find_element(By.ID, "kind")).first_selected_option.get_attribute("value") == "phone"

    fill(browser, "hetu", HETU)
    browser.find_element(By.ID, "send").click()
    message = after_submit(browser, "message").text
    reference = re.search(r"SS-\d{6}", message)
    assert message.startswith("Kiitos! Ilmoituksesi on vastaanotettu") and reference

    update_id = int(reference.group(0)[3:])
    item = WorkQueue(db).find(f"self-service:{update_id}", Channel.WEB)
    assert item is not None and item.customer_id == town["aino"]
    SelfServiceUpdates(db).accept(update_id, actor="agent.anna")
    assert CustomerRegister(db).get(town["aino"]).phones[0] == "+358507654321"


def test_a_survey_answered_in_the_browser_in_swedish_and_refused_when_reused(sqlite_db, web, browser):
    db = sqlite_db
    server, surveys = web
    town = build_town(db)
    closed_contact(db, town["bertil"])
    gateway = ReferenceGateway()
    try:
        surveys.plan()
        surveys.send(GatewayTransport(HttpSmsGateway(GatewayConfig(gateway.url)), 10))
        text = next(m["text"] for m in gateway.state.delivered.values() if m["to"] == "+358401000002")
    finally:
        gateway.close()
    link = f"{server.url}/feedback/{token_in(text)}"

    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
    browser.find_element(By.ID, "score4").click()
    fill(browser, "comment", "Vänlig och snabb")
    browser.find_element(By.ID, "send").click()
    assert after_submit(browser, "message").text == "Tack för din respons!"

    browser.get(link)
    assert browser.find_element(By.ID, "message").text == "Enkäten är redan besvarad. Tack!"
