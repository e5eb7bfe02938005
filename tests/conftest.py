import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, missing_reason


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE")
    pg = context.new_page()
    yield pg
    context.close()
