"""Pages stay steady as they start: the cumulative layout shift that Chromium
reports for the first moments of a page is at most 0.05 (Lighthouse's "good"
is 0.1; the issue asks 0.05), on a phone and on a desktop. The finder once
shifted by 0.28 as it replaced the listing without JavaScript."""

from __future__ import annotations

import pytest
from conftest import PAGE_TYPES

SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 1500);
})"""
STEADY = ["home", "guidance page", "finder, empty", "finder, filtered", "case study"]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(412, 823), (1280, 900)], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", STEADY)
def test_a_page_does_not_shift_as_it_starts(browser, real_server, name, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        page.goto(real_server.url + PAGE_TYPES[name], wait_until="load")
        if name.startswith("finder"):
            page.wait_for_selector(".hub-finder--ready", timeout=15000)
        assert page.evaluate(SHIFT) <= 0.05
    finally:
        context.close()
