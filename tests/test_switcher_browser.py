"""The language switcher in real Chromium: a reader moves to the same page in another language, offline."""

from urllib.parse import urlsplit


def test_switching_language_keeps_the_page_and_asks_no_other_host(browser, server):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{server}/en/docs/about.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Latviešu").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/lv/docs/about.html"
    assert page.locator("html").get_attribute("lang") == "lv"
    assert hosts == {urlsplit(server).netloc}
    page.close()


def test_root_page_sends_the_reader_to_their_browser_language(browser, server):
    context = browser.new_context(locale="et-EE")
    page = context.new_page()
    page.goto(f"{server}/index.html")
    page.wait_for_url(f"{server}/et/index.html")
    assert page.locator("html").get_attribute("lang") == "et"
    context.close()
