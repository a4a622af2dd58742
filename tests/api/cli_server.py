"""Run `artdesk` the way a user does: subprocesses on a real catalog file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def artdesk(catalog: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "artdesk", "--catalog", str(catalog), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def create_key(catalog: Path, partner_slug: str, *scopes: str, extra: tuple[str, ...] = ()) -> str:
    args = ["keys", "create", "--partner", partner_slug]
    for scope in scopes:
        args += ["--scope", scope]
    done = artdesk(catalog, *args, *extra)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@contextmanager
def serve(catalog: Path, *args: str) -> Iterator[str]:
    """`artdesk serve --port 0`; yields the address from its one 'listening on' line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "artdesk", "--catalog", str(catalog), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = proc.stdout.readline().strip() if proc.stdout else ""
        if not line.startswith("listening on http://"):
            proc.kill()
            _, err = proc.communicate(timeout=10)
            raise AssertionError(f"artdesk serve did not start: {line!r} {err}")
        yield line.removeprefix("listening on ")
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
