"""The similarity engine in a worker process: same answers as in-process, writes reach it,
a killed worker comes back, and the worker never outlives the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from artdesk.core.errors import NotFoundError
from artdesk.services.container import open_services
from artdesk.services.similar_worker import SimilarWorkerProxy
from artdesk.similar.records import WorkRecord

WORKS = [
    ("Harbour at Dawn", "Anna Berg", 1998, "oil on canvas", {"Seascape": 90, "Boats": 70}),
    ("Harbour at Dusk", "Anna Berg", 1999, "oil on canvas", {"Seascape": 85, "Boats": 60}),
    ("Portrait of a Lady", "Kenji Mori", 2004, "gouache on paper", {"Portrait": 100}),
    ("Portrait of a Man", "Kenji Mori", 2005, "gouache on paper", {"Portrait": 90}),
    ("Night Ferry", "Lea Vogt", 2019, "photograph", {"Boats": 80, "Night": 70}),
    ("Salt Flats", "Omar Haddad", 1987, "acrylic on canvas", {"Landscape": 90}),
]


def _wait(cond, what: str, limit: float = 120.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + limit  # a generous bound against a hang, not a speed target
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.fixture
def catalog(catalog_path: Path, tmp_path: Path):  # noqa: ANN201
    """A real SQLite catalog with a few works, opened in-process (``url`` names it)."""
    svc = open_services(f"sqlite:///{catalog_path}", tmp_path / "files-inprocess")
    partner = svc.catalog.create_partner("Galerie Nord", type="gallery")
    for title, artist, year, medium, genes in WORKS:
        a = svc.catalog.create_artwork(
            {"title": title, "artist_name": artist, "creation_year": year, "medium": medium},
            partner_id=partner.id,
            source="t",
        )
        svc.catalog.set_artwork_genes(a.id, genes, source="t")
    svc.url = f"sqlite:///{catalog_path}"
    svc.partner = partner
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def desktop(catalog, tmp_path: Path):  # noqa: ANN001, ANN201
    """The same catalog opened as the desktop app opens it: similarity in a worker process."""
    svc = open_services(catalog.url, tmp_path / "files-worker", similar_worker=True)
    try:
        yield svc
    finally:
        svc.close()


def test_the_worker_answers_as_the_in_process_service(catalog, desktop):
    local, remote = catalog.similar, desktop.similar
    assert isinstance(remote, SimilarWorkerProxy)
    assert remote.pid is not None and remote.pid != os.getpid()
    local.ensure_index(background=False)
    local._artists_provider._at = -1e9  # read the artist list again (it was read while empty)
    status = remote.ensure_index(background=False)
    assert status.ready and status.works == len(WORKS)
    assert status.index_version == catalog.catalog.catalog_version()

    ids = [a.id for a in catalog.catalog.list_artworks()]
    for aid in ids:
        assert remote.similar(aid, 3) == local.similar(aid, 3)
        assert remote.suggest_genes(aid) == local.suggest_genes(aid)
    assert remote.similar(ids[0], 3)[0].id == ids[1]
    draft = WorkRecord(id=0, artists=("Anna Berg",), title="Harbour at Dawn", year=1998)
    assert remote.similar_to_record(draft, 4) == local.similar_to_record(draft, 4)
    dupes = remote.possible_duplicates(draft, k=5)
    assert dupes == local.possible_duplicates(draft, k=5)
    assert dupes and dupes[0].id == ids[0]
    assert remote.duplicate_groups() == local.duplicate_groups()
    assert remote.resolve_artist("Berg, Anna") == local.resolve_artist("Berg, Anna")
    assert remote.resolve_artist("Berg, Anna")[0][1] == "Anna Berg"
    assert remote.auto_link_artist("Anna Bergg") == local.auto_link_artist("Anna Bergg")
    with pytest.raises(NotFoundError):
        remote.similar(999_999)


def test_a_write_in_the_parent_reaches_the_workers_answers(desktop):
    proxy, cat = desktop.similar, desktop.catalog
    proxy.ensure_index(background=False)
    partner = cat.list_partners()[0]
    twin = cat.create_artwork(
        {"title": "Harbour at Dawn II", "artist_name": "Anna Berg", "creation_year": 1998},
        partner_id=partner.id,
        source="t",
    )
    cat.set_artwork_genes(twin.id, {"Seascape": 90, "Boats": 70}, source="t")
    version = cat.catalog_version()
    _wait(lambda: proxy.status().index_version == version, "the worker's index to catch up")
    assert proxy.status().works == len(WORKS) + 1
    assert proxy.refreshed_incrementally >= 1  # applied as changes, not rebuilt
    first = next(a for a in cat.list_artworks() if a.title == "Harbour at Dawn")
    assert twin.id in [n.id for n in proxy.similar(first.id, 2)]
    # Typed artist names link to existing artists through the worker too.
    linked = cat.create_artwork(
        {"title": "Another", "artist_name": "Berg, Anna"}, partner_id=partner.id, source="t"
    )
    assert linked.artist_name == "Anna Berg"


def test_a_killed_worker_is_restarted_and_answers_again(desktop):
    proxy = desktop.similar
    proxy.ensure_index(background=False)
    aid = desktop.catalog.list_artworks()[0].id
    before = proxy.similar(aid, 3)
    old_pid = proxy.pid
    os.kill(old_pid, signal.SIGKILL)
    _wait(lambda: proxy.restarts == 1, "the worker to be restarted")
    assert "exit code -9" in (proxy.last_crash or "")
    assert proxy.pid != old_pid and not _alive(old_pid)
    _wait(lambda: proxy.status().ready, "the restarted worker to serve its index")
    assert proxy.similar(aid, 3) == before


def test_a_restart_that_cannot_start_a_process_is_tried_again(desktop, monkeypatch):
    """The OS refusing the new process once (out of processes or memory) does not end the
    restarts: the failure is reported and a later attempt brings the worker back."""
    proxy = desktop.similar
    proxy.ensure_index(background=False)
    real_process = proxy._mp.Process
    refused = []

    def process_once_refused(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if not refused:
            refused.append(True)
            raise OSError(11, "Resource temporarily unavailable")
        return real_process(*args, **kwargs)

    monkeypatch.setattr(proxy._mp, "Process", process_once_refused)
    old_pid = proxy.pid
    os.kill(old_pid, signal.SIGKILL)
    _wait(lambda: refused, "the first restart attempt")
    _wait(lambda: proxy.restarts == 1, "the worker to be restarted after the refusal")
    assert proxy.pid != old_pid
    _wait(lambda: proxy.status().ready, "the restarted worker to serve its index")


SCRIPT = """
import os, sys, time
from pathlib import Path
from artdesk.services.container import open_services

def main():
    svc = open_services(sys.argv[1], Path(sys.argv[2]), similar_worker=True)
    deadline = time.monotonic() + 120
    while not svc.similar.status().ready and time.monotonic() < deadline:
        time.sleep(0.05)
    print(svc.similar.pid, svc.similar.status().ready, flush=True)
    if sys.argv[3] == "kill":
        os.kill(os.getpid(), 9)  # dies without any cleanup
    # "exit": ends without closing the services

if __name__ == "__main__":
    main()
"""


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_no_worker_outlives_its_parent(catalog, tmp_path: Path, how: str):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(SCRIPT))
    done = subprocess.run(
        [sys.executable, str(script), catalog.url, str(tmp_path / "files-child"), how],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pid_text, ready = done.stdout.split()
    assert ready == "True", done.stderr
    _wait(lambda: not _alive(int(pid_text)), "the worker to end with its parent", limit=30)
