"""Suite-wide rules: tests never write outside their temporary directories.

Every test runs with a scratch working directory, so a command that writes a default
output (``report.html``, ``detente.duckdb``) lands there and not in the user's checkout;
and the session fails if the checkout holds a file it did not hold before the tests ran.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Caches that tools keep in the checkout on purpose (pytest's own cache, bytecode, venv).
_IGNORED = {".git", ".venv", "venv", ".pytest_cache", ".ruff_cache", "__pycache__", ".hypothesis"}


def _checkout_files() -> set[str]:
    found: set[str] = set()
    for root, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _IGNORED and not d.endswith(".egg-info")]
        found.update(os.path.relpath(os.path.join(root, f), ROOT) for f in files)
    return found


@pytest.fixture(autouse=True)
def _scratch_cwd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Run each test from its own empty directory (relative outputs land there)."""
    before = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("cwd"))
    try:
        yield
    finally:
        os.chdir(before)


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_BEFORE] = _checkout_files()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    new = sorted(_checkout_files() - before)
    if new:
        # A test wrote into the checkout: fail the run and name what it left behind.
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("")
            reporter.write_line(
                "FAILED: tests wrote into the checkout (outside their tmp dirs): "
                + ", ".join(new[:10]),
                red=True,
            )


_BEFORE = pytest.StashKey[set[str]]()
