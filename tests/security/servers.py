"""A real gunicorn for the tests that need one (every test that starts gunicorn does so
here), a real Varnish to put in front of it (deploy/varnish/newsroom.vcl), and a TCP
proxy to put between it and PostgreSQL, so a test can take the database away and bring
it back."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parents[2]
# The suite's ports: PORT_BASE+1 … PORT_BASE+PORT_COUNT (8081-8084 by default; the shared
# machine gives this project 8080-8089, so a second run at the same time can use
# SECURITY_PORT_BASE=8085). Servers and proxies take the first free one of them
# (reserved_port), so no test holds a fixed port and two runs with different bases
# never meet. bin/test splits its range between its two passes with SECURITY_PORT_COUNT.
PORT_BASE = int(os.environ.get("SECURITY_PORT_BASE", "8080"))
PORT_COUNT = int(os.environ.get("SECURITY_PORT_COUNT", "4"))
SECRET = "security-tests-only-" + "x" * 40


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production web process: debug off, our own secret."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return (
        clean
        | {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": SECRET,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_LOG_LEVEL": "WARNING",
            "SITE_URL": "http://127.0.0.1",
        }
        | overrides
    )


def collectstatic(static_root: Path) -> None:
    """Debug off serves hashed static names, which need collectstatic's manifest."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=production_env(STATIC_ROOT=str(static_root)),
        check=True,
        capture_output=True,
    )


def get(url: str, timeout: float = 15) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Language": "en"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


_reserved: set[int] = set()


def _bindable(port: int) -> bool:
    """Nothing listens on the port (connections of a server stopped a moment ago, still
    in TIME_WAIT, do not count: gunicorn binds with SO_REUSEADDR as well)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@contextmanager
def reserved_port() -> Iterator[int]:
    """The first port of this run's range that no server or proxy of this run holds and
    nothing else listens on, held until the block ends."""
    ports = range(PORT_BASE + 1, PORT_BASE + PORT_COUNT + 1)
    port = next((p for p in ports if p not in _reserved and _bindable(p)), None)
    if port is None:
        raise RuntimeError(
            f"No free port in {ports.start}-{ports.stop - 1} (SECURITY_PORT_BASE="
            f"{PORT_BASE}, SECURITY_PORT_COUNT={PORT_COUNT}): another run uses them?"
        )
    _reserved.add(port)
    try:
        yield port
    finally:
        _reserved.discard(port)


def _answers(port: int) -> bool:
    """gunicorn has a worker answering HTTP on the port (any status will do: the test's
    database may be down on purpose, or the Host not allowed)."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        client.request("GET", "/healthz")
        client.getresponse().read()
    except OSError:
        return False
    finally:
        client.close()
    return True


@contextmanager
def gunicorn(
    env: dict[str, str],
    log: Path,
    *,
    workers: int = 1,
    app: str = "newsroom.wsgi",
) -> Iterator[str]:
    """gunicorn with the project's gunicorn.conf.py on a port of this run (reserved_port),
    serving `app` with `env`; yields its URL once a worker answers, and stops it (and
    frees the port) when the block ends. Its output goes to `log`."""
    with reserved_port() as port, open(log, "w") as output:
        server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", app],
            cwd=PROJECT,
            env=env
            | {
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": str(workers),
                "GUNICORN_MAX_REQUESTS": "0",
            },
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while not _answers(port):
                if server.poll() is not None:
                    raise RuntimeError(f"gunicorn exited: {log.read_text()[-2000:]}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not answer: {log.read_text()[-2000:]}")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


VARNISHD = Path("/usr/sbin/varnishd")  # Debian's varnish package (bin/test installs it)
VCL = PROJECT / "deploy" / "varnish" / "newsroom.vcl"


@contextmanager
def varnish(backend: str, workdir: Path, port: int) -> Iterator[str]:
    """varnishd on `port` (the caller's, from reserved_port, so that the site can be
    told it before Varnish starts) in front of `backend` (gunicorn's URL) with the
    repository's rules, in memory; yields its URL once it answers, and stops it when the
    block ends. No management port (-T none): purges are BANs over HTTP, as the app
    sends them. Its output goes to workdir/varnishd.log."""
    address = urlsplit(backend)
    workdir.mkdir(parents=True, exist_ok=True)
    top = workdir / "top.vcl"
    top.write_text(
        f'vcl 4.1;\nbackend default {{ .host = "{address.hostname}"; .port = "{address.port}"; }}\n'
        f'include "{VCL}";\n'
    )
    with open(workdir / "varnishd.log", "w") as output:
        command = [str(VARNISHD), "-F", "-a", f"127.0.0.1:{port}", "-T", "none", "-j", "none"]
        command += ["-n", str(workdir / "state"), "-f", str(top), "-s", "malloc,64m"]
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
        try:
            deadline = time.monotonic() + 30
            while not _answers(port):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"varnishd did not start: {_tail(workdir / 'varnishd.log')}")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _tail(log: Path) -> str:
    return log.read_text()[-2000:]


class TcpProxy:
    """Forwards 127.0.0.1:listen_port to target. stop() closes the listening socket and
    cuts every open connection, as a database crash or a network failure would;
    start() listens again. With `cut_after` set, each new connection is cut once the
    server has sent that many bytes over it: the database dies in the middle of a
    request, after its first queries were answered."""

    cut_after: int | None = None

    def __init__(self, listen_port: int, target: tuple[str, int]) -> None:
        self.listen_port, self.target = listen_port, target
        self._listener: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.listen_port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            for connection in self._connections:
                with suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self._connections.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._connections += [client, upstream]
            for source, sink, limit in (
                (client, upstream, None),
                (upstream, client, self.cut_after),
            ):
                threading.Thread(target=self._pipe, args=(source, sink, limit), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while data := source.recv(65536 if limit is None else 256):
                if limit is not None and sent + len(data) > limit:
                    break  # cut: the finally below closes both ends
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            # shutdown() first: close() alone would not end the other thread's recv() on
            # the same socket, and the peer would never see the connection go.
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
