"""Debian's headless Chromium driven through chromedriver (selenium), with the network switched off.

Used by tests/test_viz_browser.py and benchmarks/viz_page.py. `scripts/install-browser.sh` installs both
programs; where they are absent a test skips, except in CI (CI=true), where a missing browser is a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900",
         # belt and braces beside the offline emulation below: any name resolves to nothing, any proxy refuses
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"]


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver) paths, or None."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@contextmanager
def offline_chromium(page_load_strategy: str = "normal") -> Iterator["WebDriver"]:  # noqa: F821
    """A fresh Chromium with an empty profile and the network off; "none" makes get() return at once."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if not found:
        raise RuntimeError("chromium and chromedriver are not installed (run scripts/install-browser.sh)")
    chromium, driver_path = found
    profile = tempfile.mkdtemp(prefix="edukg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    options.page_load_strategy = page_load_strategy
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call (from the DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
