"""The Varnish configuration docker-compose.yml runs (deploy/varnish/default.vcl, which
includes the rules the tests in this folder run) compiles: a typo in it would otherwise
show only when the stack starts."""

import subprocess

from tests.security.servers import VARNISHD, VCL


def test_the_compose_configuration_compiles(tmp_path):
    # Its backend is the compose service `web`, a name only compose resolves.
    default = (VCL.parent / "default.vcl").read_text()
    assert '.host = "web";' in default
    (tmp_path / "default.vcl").write_text(default.replace('"web"', '"127.0.0.1"'))
    (tmp_path / "newsroom.vcl").write_text(VCL.read_text())
    compiled = subprocess.run(  # noqa: S603 (Debian's varnishd, fixed arguments)
        [
            *(str(VARNISHD), "-C", "-j", "none", "-n", str(tmp_path / "state")),
            *("-p", f"vcl_path={tmp_path}", "-f", str(tmp_path / "default.vcl")),
        ],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert compiled.returncode == 0, compiled.stderr[-2000:]
