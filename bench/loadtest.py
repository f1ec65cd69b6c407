"""Load driver: wrk with a mix of public pages, search, feeds and the API.

    python bench/loadtest.py http://127.0.0.1:8000 --seconds 60 --connections 64 \\
        /en/news/ /en/news/search/?q=campus /en/news/feed/ ...

prints one JSON object: requests, requests a second, latency percentiles (ms) and the
count of answers by status code. tests/security/test_load.py runs it against gunicorn
while an editor publishes and edits, and asserts on the result. Needs wrk (Debian's
`wrk` package; bin/test installs it when it is missing and it is root).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Each wrk thread walks the list of paths in turn, from a different starting point, and
# counts answers by status; done() adds the threads' counts up and prints them as JSON.
LUA = """
local paths = {%(paths)s}
local threads = {}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
function init(args)
  statuses = {}
  position = id * 7
end
function request()
  position = position + 1
  return wrk.format("GET", paths[(position %% #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(totals) do
    table.insert(parts, string.format('"%%d": %%d', status, count))
  end
  io.write(string.format(
    'WRK-RESULT {"requests": %%d, "seconds": %%.3f, "errors": {"connect": %%d, "read": %%d, ' ..
    '"write": %%d, "timeout": %%d}, "latency_ms": {"p50": %%.1f, "p95": %%.1f, "p99": %%.1f, ' ..
    '"max": %%.1f}, "statuses": {%%s}}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(parts, ", ")))
end
"""


def run_wrk(base: str, paths: list[str], *, seconds: int, connections: int) -> dict:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed: run 'apt-get install -y wrk'.")
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "mix.lua"
        quoted = ", ".join(json.dumps(path) for path in paths)
        script.write_text(LUA % {"paths": quoted})
        done = subprocess.run(
            [
                wrk,
                "--threads",
                "2",
                "--connections",
                str(connections),
                "--duration",
                f"{seconds}s",
                "--timeout",
                "30s",
                "--script",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    line = next(line for line in done.stdout.splitlines() if line.startswith("WRK-RESULT "))
    result = json.loads(line.removeprefix("WRK-RESULT "))
    result["requests_per_second"] = round(result["requests"] / result["seconds"], 1)
    result["statuses"] = {int(status): count for status, count in result["statuses"].items()}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    options = parser.parse_args()
    result = run_wrk(
        options.base, options.paths, seconds=options.seconds, connections=options.connections
    )
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
