"""Fixtures for the GUI tests: task runners and a small catalog of works."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from artdesk.gui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _qt_objects_die_here(qapp):  # noqa: ANN001, ANN202
    """After each test (its last teardown), delete on the GUI thread what it left to Qt: the
    windows, their QSettings and the dialogs closed with deleteLater (a deferred delete waits
    for an event loop, i.e. the next test's, or never after the last test), then what is left
    to the cyclic collector, which otherwise runs on whichever thread happens to allocate
    (uvicorn's, the runner's): a parentless Qt object it frees there dies off the GUI thread."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def inline_runner(qapp):  # noqa: ANN001, ANN201
    runner = TaskRunner(inline=True)
    yield runner
    runner.stop()


@pytest.fixture
def runner(qapp):  # noqa: ANN001, ANN201
    """The real runner: a writer thread and a read pool."""
    runner = TaskRunner()
    yield runner
    runner.stop()


WORKS = [
    ("Harbour at Dawn", ["Anna Berg"], 1998, "oil on canvas", 12000, "EUR", "available"),
    ("Blue Study", ["Kenji Mori"], 2004, "gouache on paper", 3500, "USD", "sold"),
    ("Untitled (Field)", ["Anna Berg"], 2011, "oil on linen", 18000, "EUR", "reserved"),
    ("Night Ferry", ["Lea Vogt", "Anna Berg"], 2019, "photograph", 2400, "EUR", "available"),
    ("Salt Flats", ["Omar Haddad"], 1987, "acrylic on canvas", None, None, "not_for_sale"),
]


@pytest.fixture
def catalog_works(services, partner):  # noqa: ANN001, ANN201
    """Five works of four artists in the ``services`` catalog (tests use small blocks)."""
    made = []
    for i, (title, artists, year, medium, price, currency, availability) in enumerate(WORKS):
        made.append(
            services.catalog.create_artwork(
                {
                    "title": title,
                    "creation_year": year,
                    "medium": medium,
                    "price": price,
                    "currency": currency,
                    "availability": availability,
                    "inventory_number": f"GN-{i + 1:04d}",
                },
                partner_id=partner.id,
                source="test",
                artists=artists,
            )
        )
    return made
