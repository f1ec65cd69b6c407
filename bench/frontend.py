"""Front-end weight and speed of each public page type, as production serves them.

    python bench/frontend.py [--port 8090] [--no-lighthouse]

Builds a production-like site in a temporary folder (DEBUG off, collectstatic, the demo
content on SQLite), serves it with gunicorn on 127.0.0.1, and loads each page type in
Debian's Chromium with an empty cache, printing the bytes transferred (headers and
bodies, as sent: gzip where the server compresses), the number of requests, first
contentful paint, largest contentful paint (and which element it was) and cumulative
layout shift. Then, unless --no-lighthouse, Lighthouse's performance score for the index
and an article (Lighthouse 12 from bench/lighthouse/, installed with `npm ci` there on
first use; its default mobile profile with simulated slow 4G, so no real network needed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "lighthouse"
sys.path.insert(0, str(ROOT))
# Debian's Chromium with the suite's flags, launched as the browser tests launch it.
from tests.chromium import CHROMIUM, CHROMIUM_ARGS, launch_chromium  # noqa: E402

MEASURE = """async () => {
  const lcp = await new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1]);
    }).observe({type: "largest-contentful-paint", buffered: true});
    setTimeout(() => resolve(null), 3000);
  });
  let cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value;
  }).observe({type: "layout-shift", buffered: true});
  await new Promise((r) => setTimeout(r, 100));
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const element = lcp && lcp.element;
  return {
    fcp: fcp ? fcp.startTime : null,
    lcp: lcp ? lcp.startTime : null,
    lcpElement: element ? element.tagName.toLowerCase() + "." + element.className : null,
    cls,
  };
}"""


def _env(workdir: Path, port: int) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return {
        **clean,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }


def _manage(env: dict[str, str], *args: str) -> None:
    # Our own interpreter and manage.py with fixed arguments.
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _pages(base: str, page: Any) -> dict[str, str]:
    """Addresses of each page type, found by following the demo site's own links."""
    page.goto(base + "/en/news/")
    article = page.locator(".card__link").first.get_attribute("href")
    category = page.locator(".category-nav__link").nth(1).get_attribute("href")
    page.goto(base + article)
    tag = page.locator(".tag-list__link").first.get_attribute("href")
    return {
        "index": "/en/news/",
        "article": article,
        "category": category,
        "tag": tag,
        "search": "/en/news/search/?q=university",
        "empty search": "/en/news/search/",
        "404": "/en/news/no-such-story/",
    }


def measure_pages(base: str) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        pages = _pages(base, browser.new_page())
        for name, path in pages.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            done: list[Any] = []
            page.on("requestfinished", lambda request, done=done: done.append(request))
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(300)
            timing = page.evaluate(MEASURE)
            sizes = [request.sizes() for request in done]
            transferred = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes)
            html = sum(
                request.sizes()["responseBodySize"]
                for request in done
                if request.resource_type == "document"
            )
            rows.append({"page": name, "path": path, "requests": len(done),
                         "bytes": transferred, "html": html, **timing})  # fmt: skip
            context.close()
        browser.close()
    return rows


def lighthouse(url: str) -> dict[str, Any]:
    binary = LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE, check=True)
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    result = subprocess.run(
        [str(binary), url, "--only-categories=performance", "--output=json",
         "--output-path=stdout", "--quiet", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:] or ["failed"]}
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        **{
            key: audits[key]["displayValue"]
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "cumulative-layout-shift",
                "speed-index",
            )
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-frontend-"))
    env = _env(workdir, args.port)
    print(f"Building a production-like site in {workdir} …", flush=True)
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "seed_demo", "-v", "0")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        rows = measure_pages(base)
        print(f"\n{'page':<13} {'requests':>8} {'transferred':>12} {'html':>8} "
              f"{'FCP ms':>7} {'LCP ms':>7} {'CLS':>6}  LCP element")  # fmt: skip
        for r in rows:
            print(f"{r['page']:<13} {r['requests']:>8} {r['bytes'] / 1024:>9.1f} KB "
                  f"{r['html'] / 1024:>5.1f} KB {r['fcp'] or 0:>7.0f} {r['lcp'] or 0:>7.0f} "
                  f"{r['cls']:>6.3f}  {r['lcpElement']}")  # fmt: skip
        if not args.no_lighthouse:
            print("\nLighthouse 12 (performance, mobile profile, simulated slow 4G):")
            for name in ("index", "article"):
                path = next(r["path"] for r in rows if r["page"] == name)
                # Lighthouse sometimes loses its trace (NO_NAVSTART) on a busy machine.
                for _attempt in range(3):
                    result = lighthouse(base + path)
                    if "error" not in result:
                        break
                print(f"  {name:<8} {json.dumps(result, ensure_ascii=False)}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
