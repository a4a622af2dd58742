"""Undo and redo of catalog edits (QUndoStack commands whose work runs on the writer thread).

A command is pushed after its first write succeeded, so its first ``redo()`` (which
QUndoStack.push calls) does nothing; later undo/redo calls queue the opposite write on the
runner's writer thread, in order. Undo of an edit is itself version-checked: if someone else
changed the work since, the undo is refused with a message instead of overwriting their change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import ARTWORK_EDIT_FIELDS, EDITION_EDIT_FIELDS, Artwork
from artdesk.gui.labels import field_label
from artdesk.gui.tasks import TaskRunner
from artdesk.services.catalog import CatalogService

SOURCE = "desktop"


def tr(text: str) -> str:
    """A text marked below with ``QT_TRANSLATE_NOOP("commands", ...)``, in the user's language.

    (lupdate reads a bare ``tr()`` outside a class as the empty context, which nothing looks up.)
    """
    return QCoreApplication.translate("commands", text)


_FAILED = QT_TRANSLATE_NOOP("commands", "Could not undo or redo “{what}”: {why}")
_CREATE = QT_TRANSLATE_NOOP("commands", "Create “{title}”")
_DELETE = QT_TRANSLATE_NOOP("commands", "Delete “{title}”")
_EDIT = QT_TRANSLATE_NOOP("commands", "Edit “{title}” ({fields})")


@dataclass
class CommandContext:
    """What commands need: the catalog, the runner, and where to report results."""

    catalog: CatalogService
    runner: TaskRunner
    # Called on the GUI thread after a command's write: (artwork id, the work or None if gone).
    applied: Callable[[int, Artwork | None], None]
    failed: Callable[[str], None]


def artwork_fields(artwork: Artwork) -> dict[str, Any]:
    """The editable values of a work, as update_artwork takes them (artists by name)."""
    out: dict[str, Any] = {f: getattr(artwork, f) for f in ARTWORK_EDIT_FIELDS}
    out["artists"] = [a.name for a in artwork.artists]
    return out


def restore_full(catalog: CatalogService, artwork: Artwork) -> Artwork:
    """Re-create a deleted work with its id, then its editions and gene values."""
    restored = catalog.restore_artwork(artwork, source=SOURCE)
    for edition in artwork.editions:
        data = {
            k: getattr(edition, k) for k in EDITION_EDIT_FIELDS if getattr(edition, k) is not None
        }
        catalog.add_edition_set(restored.id, data, source=SOURCE)
    if artwork.genes:
        catalog.set_artwork_genes(
            restored.id, {g.name: g.value for g in artwork.genes}, source=SOURCE
        )
    return catalog.get_artwork(restored.id)


class _CatalogCommand(QUndoCommand):
    def __init__(self, ctx: CommandContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._first = True
        # A Python copy: the stack deletes a command (its C++ side) when a push discards it,
        # possibly while the command's write is still on its way back.
        self._text = text

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.do_redo)

    def undo(self) -> None:
        self._run(self.do_undo)

    def _run(self, fn: Callable[[], tuple[int, Artwork | None]]) -> None:
        self.ctx.runner.write(
            fn,
            on_done=lambda result: self.ctx.applied(*result),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, ArtdeskError) else f"{type(exc).__name__}: {exc}"
        self.ctx.failed(tr(_FAILED).format(what=self._text, why=message))

    def do_redo(self) -> tuple[int, Artwork | None]:
        raise NotImplementedError

    def do_undo(self) -> tuple[int, Artwork | None]:
        raise NotImplementedError


class CreateArtworkCommand(_CatalogCommand):
    def __init__(self, ctx: CommandContext, created: Artwork) -> None:
        super().__init__(ctx, tr(_CREATE).format(title=created.title))
        self.artwork = created

    def do_undo(self) -> tuple[int, Artwork | None]:
        current = self.ctx.catalog.get_artwork(self.artwork.id)
        self.artwork = current  # keep edits made since (editions, genes) for a redo
        self.ctx.catalog.delete_artwork(
            self.artwork.id, source=SOURCE, expected_version=current.version
        )
        return self.artwork.id, None

    def do_redo(self) -> tuple[int, Artwork | None]:
        restored = restore_full(self.ctx.catalog, self.artwork)
        return restored.id, restored


class DeleteArtworkCommand(_CatalogCommand):
    def __init__(self, ctx: CommandContext, deleted: Artwork) -> None:
        super().__init__(ctx, tr(_DELETE).format(title=deleted.title))
        self.artwork = deleted

    def do_undo(self) -> tuple[int, Artwork | None]:
        restored = restore_full(self.ctx.catalog, self.artwork)
        return restored.id, restored

    def do_redo(self) -> tuple[int, Artwork | None]:
        self.artwork = self.ctx.catalog.get_artwork(self.artwork.id)
        self.ctx.catalog.delete_artwork(
            self.artwork.id, source=SOURCE, expected_version=self.artwork.version
        )
        return self.artwork.id, None


class EditArtworkCommand(_CatalogCommand):
    """Field changes of one work: ``before``/``after`` hold only the fields that changed."""

    def __init__(
        self,
        ctx: CommandContext,
        artwork: Artwork,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
    ) -> None:
        names = ", ".join(field_label(name) for name in sorted(after))
        super().__init__(ctx, tr(_EDIT).format(title=artwork.title, fields=names))
        self.artwork_id = artwork.id
        self.before = dict(before)
        self.after = dict(after)
        self.version = artwork.version  # the version our last write produced

    def _apply(self, values: Mapping[str, Any]) -> tuple[int, Artwork | None]:
        updated = self.ctx.catalog.update_artwork(
            self.artwork_id, values, source=SOURCE, expected_version=self.version
        )
        self.version = updated.version
        return updated.id, updated

    def do_undo(self) -> tuple[int, Artwork | None]:
        return self._apply(self.before)

    def do_redo(self) -> tuple[int, Artwork | None]:
        return self._apply(self.after)
