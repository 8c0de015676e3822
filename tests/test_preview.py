"""An editor's preview (`make serve`): a saved case study shows in the open page
without a manual reload, and the relaxed policy that lets live reload run is the
preview's alone; the built site keeps the strict one."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import PYTHON, VALID, soup

from svhub.tools.project import make_project

STUDY = "example-borough-housing-repairs"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve stopped: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} was not served within {timeout:.0f} s")


@pytest.mark.browser
def test_a_saved_case_study_shows_in_the_open_preview_page_without_a_reload(browser, tmp_path):
    project = make_project(tmp_path / "project", sorted(VALID.glob("*.md")))
    port = _free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--config-file",
         str(project / "mkdocs.yml")],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/case-studies/{STUDY}/"
    context = browser.new_context()
    try:
        _wait_until_served(url, server)
        page = context.new_page()
        blocked = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(url, wait_until="load")
        token = f"Edited in the preview at {time.time_ns()}."
        study = project / "casestudies" / f"{STUDY}.md"
        study.write_text(study.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{token}\n", encoding="utf-8")
        # The test never navigates: only live reload can bring the edit into this page.
        page.wait_for_function("t => document.body.innerText.includes(t)", arg=token, timeout=120_000)
        assert blocked == []
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=60)


def test_the_built_site_keeps_the_strict_policy(fixture_site):
    policy = soup(fixture_site, f"case-studies/{STUDY}/").select_one(
        "meta[http-equiv=Content-Security-Policy]")["content"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
