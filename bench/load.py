"""HTTP load test of the public pages under gunicorn, against a bare Django view.

    python bench/load.py [--articles 100000] [--duration 10] [--soak 60]
                         [--connections 32] [--port 8100] [--edge [--saves 20]]

Seeds N synthetic articles (default 100,000) into DATABASE_URL (default: a local
PostgreSQL database `newsroom_bench`, which must exist: `createdb newsroom_bench`), then
serves the site with gunicorn (2 workers, production settings, the default local-memory
cache) and drives it with wrk from this process on 127.0.0.1. For the index, an article,
a category page, a deep page, search and a feed it prints requests per second and p50/p99
latency, warm (answered from the page cache) and cold (rendered on every request: a
second gunicorn with the page cache switched off, DJANGO_PAGE_CACHE=0, on --port + 1),
each as a ratio to a bare Django view that returns a static string of the article page's
size through the same middleware. Cold requests render their page; the building blocks
pages share (listing counts, the notice and category list) stay remembered per content
version, as on a running site. Then a soak run (default 60 s at 32 connections) over the
warm pages, counting non-2xx/3xx answers and socket errors, and each worker's memory.

With --edge, instead: the index, an article and a feed directly and through Varnish in
front of the warm server (on --port + 2), and the time from an editor's save to the
first fresh answer through it (bench/edge.py).

wrk comes from Debian's packages: installed with apt-get when missing and run as root,
else `sudo apt-get install -y wrk`.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import edge  # noqa: E402

MIX_SCRIPT = """
paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i %% #paths) + 1])
end
"""


@dataclass
class Result:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad_status: int
    socket_errors: int


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(url: str, *, seconds: int, connections: int, script: str | None = None) -> Result:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script or "")
    if script:
        command += ["-s", lua.name]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    os.unlink(lua.name)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if "50" not in latency:
        raise SystemExit(f"Could not read wrk's answer for {url}:\n{output}")
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Result(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(latency["50"]),
        p99_ms=_ms(latency["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        bad_status=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk from Debian's packages …")
        if subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"]).returncode:
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        return
    raise SystemExit("bench/load.py needs wrk: run 'sudo apt-get install -y wrk'.")


def seed(articles: int) -> dict[str, str]:
    """Migrate, seed, and pick the pages to measure."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article, Category

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    have = Article.objects.filter(slug__startswith="synthetic-").count()
    if have < articles:
        print(f"Seeding {articles - have:,} synthetic articles …", flush=True)
        call_command("seed_demo", articles=articles - have, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # planner statistics and the visibility map
    public = Article.objects.published().in_language("en")
    total = public.count()
    article = public.filter(featured=True).first() or public.first()
    category = Category.objects.filter(articles__in=public).first()
    pages = {
        "index": "/en/news/",
        "article": article.get_absolute_url(),
        "category": category.get_absolute_url(),
        f"deep page {total // 12 // 2}": f"/en/news/?page={total // 12 // 2}",
        "search": "/en/news/search/?q=university",
        "feed": "/en/news/feed/",
    }
    connection.close()
    print(f"{connection.vendor}: {total:,} public English articles")
    return pages


def worker_rss(master: int) -> list[float]:
    """Resident memory of the gunicorn master's children, in MiB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master}$", text, re.MULTILINE):
            sizes.append(int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE).group(1)) / 1024)
    return sorted(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--soak", type=int, default=60, help="seconds of the error check")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--edge", action="store_true", help="direct and through Varnish")
    parser.add_argument("--saves", type=int, default=20, help="--edge: saves timed")
    args = parser.parse_args()

    ensure_wrk()
    if args.edge:
        edge.ensure_varnish()
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        ),
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(workdir / "media")),
        "STATIC_ROOT": str(workdir / "static"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_LOG_LEVEL": "WARNING",
        "NEWSROOM_BENCH": "1",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        # Recycling a worker empties its local-memory cache; not what is measured here.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    os.environ.update(env)
    pages = seed(args.articles)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    base, uncached = f"http://127.0.0.1:{args.port}", f"http://127.0.0.1:{args.port + 1}"
    # With --edge the server purges Varnish (so does this process, for its saves only).
    edge_env = {"EDGE_PURGE_URLS": f"http://127.0.0.1:{args.port + 2}"} if args.edge else {}
    servers = [serve(env | edge_env, args.port)]
    if not args.edge:
        servers.append(serve(env | {"DJANGO_PAGE_CACHE": "0"}, args.port + 1))
    try:
        for url in (base,) if args.edge else (base, uncached):
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                raise SystemExit("gunicorn did not start")
        if args.edge:
            edge.compare(args, base, args.port + 2, pages, workdir, measured(args))
        else:
            run(args, {"warm": base, "cold": uncached}, pages, servers[0].pid)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def serve(env: dict[str, str], port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=ROOT,
        env=env | {"GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,  # the access log
    )


def measured(args: argparse.Namespace) -> Callable[[str], Result]:
    """wrk on a URL, settled first (settle)."""

    def measure(url: str) -> Result:
        settle(url, "")
        return wrk(url, seconds=args.duration, connections=args.connections)

    return measure


def settle(base: str, url: str) -> None:
    """Let the requests of the previous run drain, then have both workers cache `url`."""
    time.sleep(2)
    for _ in range(8):
        urllib.request.urlopen(base + url, timeout=30).read()


def run(
    args: argparse.Namespace, bases: dict[str, str], pages: dict[str, str], master: int
) -> None:
    base = bases["warm"]
    for url in pages.values():  # every page answers before anything is measured
        with urllib.request.urlopen(base + url, timeout=30) as response:
            if response.status != 200:
                raise SystemExit(f"{url} answered {response.status}")
    size = len(urllib.request.urlopen(base + pages["article"]).read())
    settle(base, f"/bench/bare/?bytes={size}")
    bare = wrk(
        f"{base}/bench/bare/?bytes={size}", seconds=args.duration, connections=args.connections
    )

    print(f"\nwrk, {args.connections} connections, {args.duration} s each; 2 gunicorn workers")
    print(
        f"{'page':<20}{'cache':<7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'vs bare':>9}{'errors':>8}"
    )

    def line(name: str, mode: str, result: Result) -> None:
        ratio = result.requests_per_second / bare.requests_per_second
        errors = result.bad_status + result.socket_errors
        print(
            f"{name:<20}{mode:<7}{result.requests_per_second:>9.0f}{result.p50_ms:>9.1f}"
            f"{result.p99_ms:>9.1f}{ratio:>8.0%}{errors:>8}",
            flush=True,
        )

    line(f"bare view ({size // 1000} kB)", "-", bare)
    ratios: dict[tuple[str, str], float] = {}
    for mode in ("warm", "cold"):
        for name, url in pages.items():
            settle(bases[mode], url)
            result = wrk(bases[mode] + url, seconds=args.duration, connections=args.connections)
            ratios[name, mode] = result.requests_per_second / bare.requests_per_second
            line(name, mode, result)

    paths = ", ".join(f'"{url}"' for url in pages.values())
    soak = wrk(base + "/", seconds=args.soak, connections=32, script=MIX_SCRIPT % paths)
    print(
        f"\nsoak: {args.soak} s at 32 connections over the warm pages: {soak.requests:,} requests, "
        f"{soak.requests_per_second:.0f}/s, p99 {soak.p99_ms:.1f} ms, "
        f"{soak.bad_status} non-2xx/3xx answers, {soak.socket_errors} socket errors"
    )
    print("memory per worker (RSS): " + ", ".join(f"{mib:.0f} MiB" for mib in worker_rss(master)))
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, env={"TZ": "UTC"})
    print("load: " + uptime.stdout.strip())

    targets = [
        ("warm article ≥ 70% of bare", ratios["article", "warm"] >= 0.70),
        ("warm index ≥ 70% of bare", ratios["index", "warm"] >= 0.70),
        ("cold article ≥ 5% of bare", ratios["article", "cold"] >= 0.05),
        ("cold index ≥ 5% of bare", ratios["index", "cold"] >= 0.05),
        ("no errors in the soak run", soak.bad_status == 0 and soak.socket_errors == 0),
    ]
    print("\n".join(f"{'met ' if met else 'MISSED'}  {target}" for target, met in targets))


if __name__ == "__main__":
    main()
