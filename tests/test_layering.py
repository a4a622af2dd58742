"""The architecture is checked, not just described: import-linter contracts and ruff."""

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def test_import_contracts_hold():
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    proc = subprocess.run(
        [exe, "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_core_imports_only_the_standard_library():
    """Imports core in a fresh interpreter and checks no third-party module came with it."""
    code = (
        "import sys, artdesk.core.fingerprint, artdesk.core.dates, artdesk.core.models, "
        "artdesk.core.validation, artdesk.core.text, artdesk.core.errors\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "{'sqlalchemy','PySide6','fastapi','numpy','sklearn','httpx','PIL','pydantic'}]\n"
        "print(','.join(bad))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_ruff_is_clean():
    exe = shutil.which("ruff")
    if exe is None:
        pytest.fail("ruff is missing: install the test extra (pip install -e '.[test]')")
    proc = subprocess.run(
        [exe, "check", "."], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout[-4000:]
    proc = subprocess.run(
        [exe, "format", "--check", "."], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, "run `ruff format .`:\n" + (proc.stdout + proc.stderr)[-4000:]
