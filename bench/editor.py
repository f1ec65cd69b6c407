"""How long the live preview takes to show what an editor types.

    python bench/editor.py [--port 8091] [--keystrokes 30]

Builds a production-like site in a temporary folder (DEBUG off, collectstatic, the demo
content on SQLite), serves it with gunicorn on 127.0.0.1, logs in to the admin in
Debian's Chromium and opens the demo's featured article. Then, again and again, types
one word at the end of the title and times how long it takes until the live preview
beside the form shows it in the page's headline: from the last keystroke to the
preview's heading holding the word. That includes the preview's wait for the editor to
stop typing (static/js/live-preview.js), the request, building the page in a rolled-back
transaction (publishing/live_preview.py) and drawing it. Prints the median, the 95th
percentile and the slowest, in milliseconds. The page cache plays no part: previews are
never cached.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.frontend import _env, _manage  # noqa: E402
from tests.chromium import launch_chromium  # noqa: E402

PASSWORD = "bench-editor-password"  # noqa: S105 (a throwaway site in a temporary folder)

HEADLINE_HOLDS = """word => {
  const frame = document.querySelector("iframe[name=live-preview]");
  const heading = frame && frame.contentDocument && frame.contentDocument.querySelector("h1");
  return Boolean(heading && heading.textContent.includes(word));
}"""


def _serve(env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(  # our own gunicorn, fixed arguments
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi"], cwd=ROOT, env=env
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{env['GUNICORN_BIND']}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start; see its output above.")


def measure(base: str, keystrokes: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1600, "height": 1000}, base_url=base)
        page.goto("/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.goto("/admin/articles/article/?featured__exact=1&language__exact=en")
        page.locator("#result_list tbody th a").first.click()
        page.wait_for_function(HEADLINE_HOLDS, arg="")
        title = page.locator("#id_title")
        # A short title to type onto: thirty words on the demo's long one would pass
        # the title's 200 characters, and the preview would list that error instead.
        title.fill("Preview timing")
        page.wait_for_function(HEADLINE_HOLDS, arg="Preview timing", timeout=10_000)
        for n in range(keystrokes):
            word = f" w{n}"
            title.press("End")
            title.press_sequentially(word)
            typed = time.perf_counter()
            page.wait_for_function(HEADLINE_HOLDS, arg=word.strip(), polling=10, timeout=10_000)
            timings.append((time.perf_counter() - typed) * 1000)
        browser.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--keystrokes", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = _env(Path(folder), args.port)
        env["GUNICORN_ACCESS_LOG"] = "/dev/null"
        _manage(env, "migrate", "--no-input", "-v0")
        _manage(env, "collectstatic", "--no-input", "-v0")
        _manage(env, "seed_demo")
        _manage(
            env | {"DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            "createsuperuser", "--no-input", "--username", "editor", "--email", "e@example.edu",
        )  # fmt: skip
        server = _serve(env)
        try:
            timings = measure(f"http://127.0.0.1:{args.port}", args.keystrokes)
        finally:
            server.terminate()
            server.wait()
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"keystroke to live preview, {len(timings)} words typed: median "
        f"{statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, slowest {timings[-1]:.0f} ms "
        "(of which 400 ms is the preview's wait for typing to stop)"
    )


if __name__ == "__main__":
    main()
