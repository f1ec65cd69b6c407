"""A real gunicorn for the fault and load tests, and a TCP proxy to put between it and
PostgreSQL, so a test can take the database away and bring it back."""

from __future__ import annotations

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

PROJECT = Path(__file__).resolve().parents[2]
# The suite's ports: PORT_BASE+1 … +4 (8081-8084 by default; the shared machine gives
# this project 8080-8089, so a second run at the same time can use SECURITY_PORT_BASE=8085).
PORT_BASE = int(os.environ.get("SECURITY_PORT_BASE", "8080"))
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


@contextmanager
def gunicorn(port: int, env: dict[str, str], log: Path, workers: int = 1) -> Iterator[str]:
    """gunicorn with the project's gunicorn.conf.py on 127.0.0.1:port; yields its URL."""
    with open(log, "w") as output:
        server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "newsroom.wsgi",
            ],
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
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                if server.poll() is not None:
                    raise RuntimeError(f"gunicorn exited: {log.read_text()[-2000:]}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


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
