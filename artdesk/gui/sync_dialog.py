"""The sync dialog: remotes (add, list, remove), the push plan with a decision per group of works
sharing a fingerprint, a cancellable pull/push/sync with counts and an ETA, and conflicts shown
side by side (field, this desk, the remote, the last synced value) resolved with mine / theirs /
an edited value.

Every service call runs through the ``TaskRunner``: listing, planning and resolving as reads and
writes, the sync itself on the read pool (it is network work that may take minutes; on the
writer thread it would hold up the window's saves, and the catalog serialises its own writes).
The worker only touches a plain ``_RunState`` (never a widget); a timer on the GUI thread reads
it ten times a second for the progress bar and the ETA.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from artdesk.core.errors import ArtdeskError
from artdesk.gui.dialogs import list_table
from artdesk.gui.labels import field_label
from artdesk.gui.tasks import Task, TaskRunner

KINDS = ("artdesk", "artland", "artsy")
DECISIONS = (
    ("skip", QT_TRANSLATE_NOOP("SyncDialog", "Skip")),
    ("one", QT_TRANSLATE_NOOP("SyncDialog", "Push as one work")),
    ("each", QT_TRANSLATE_NOOP("SyncDialog", "Push each work")),
)
PHASES = {
    "push": QT_TRANSLATE_NOOP("SyncDialog", "Pushing"),
    "list": QT_TRANSLATE_NOOP("SyncDialog", "Listing remote works"),
    "fetch": QT_TRANSLATE_NOOP("SyncDialog", "Fetching remote works"),
    "merge": QT_TRANSLATE_NOOP("SyncDialog", "Merging"),
}
CONFLICT_KINDS = {
    "deleted_remote": QT_TRANSLATE_NOOP("SyncDialog", "edited here, deleted on the remote"),
    "deleted_local": QT_TRANSLATE_NOOP("SyncDialog", "deleted here, edited on the remote"),
    "ambiguous": QT_TRANSLATE_NOOP("SyncDialog", "several remote works share its fingerprint"),
}
# the keys of a sync report's counts (services.sync), shown after the numbers
REPORT_COUNTS = {
    "applied": QT_TRANSLATE_NOOP("SyncDialog", "applied"),
    "conflicts": QT_TRANSLATE_NOOP("SyncDialog", "conflicts"),
    "created": QT_TRANSLATE_NOOP("SyncDialog", "created"),
    "deleted": QT_TRANSLATE_NOOP("SyncDialog", "deleted"),
    "failed": QT_TRANSLATE_NOOP("SyncDialog", "failed"),
    "linked": QT_TRANSLATE_NOOP("SyncDialog", "linked"),
    "merged": QT_TRANSLATE_NOOP("SyncDialog", "merged"),
    "partners created": QT_TRANSLATE_NOOP("SyncDialog", "partners created"),
    "skipped": QT_TRANSLATE_NOOP("SyncDialog", "skipped"),
    "unchanged": QT_TRANSLATE_NOOP("SyncDialog", "unchanged"),
    "updated": QT_TRANSLATE_NOOP("SyncDialog", "updated"),
}
TICK_MS = 100


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, ArtdeskError) else f"{type(exc).__name__}: {exc}"


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _parse_edit(text: str, like: Any) -> Any:
    """An edited value typed like the local one: text stays text; numbers and lists are JSON."""
    text = text.strip()
    if isinstance(like, str) or like is None and not text[:1].isdigit():
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class _RunState:
    """What the sync thread reports and the GUI timer reads (no Qt object in here)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.phase: str | None = None
        self.done = 0
        self.total: int | None = None
        self.cancel = threading.Event()

    def __call__(self, p: Any) -> None:  # a SyncProgress, on the sync thread
        with self.lock:
            self.phase, self.done, self.total = p.phase, p.done, p.total

    def read(self) -> tuple[str | None, int, int | None]:
        with self.lock:
            return self.phase, self.done, self.total


class _Cancel:
    """Cancelled by the dialog's button or by the runner stopping (the app closing)."""

    def __init__(self, event: threading.Event, task: Task) -> None:
        self.event = event
        self.task = task

    def is_set(self) -> bool:
        return self.event.is_set() or self.task.cancelled


class SyncDialog(QDialog):
    # A sync run finished (its reports): the window updates its sync label.
    synced = Signal(object)
    # The remotes, the plan or the conflicts were (re)loaded: tests wait on these.
    remotes_loaded = Signal(object)
    plan_loaded = Signal(object)
    conflicts_loaded = Signal(object)
    resolved = Signal(object)

    def __init__(self, services: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync with remote catalogs"))
        self.resize(900, 640)
        self.sync = services.sync
        self.catalog = services.catalog
        self.runner = runner
        self.remotes: list[Any] = []
        self.plan: Any = None
        self.conflicts: list[Any] = []
        self.reports: list[Any] | None = None
        self.task: Task | None = None
        self.state: _RunState | None = None
        self._phase_started: dict[str, tuple[float, int]] = {}

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Remote")))
        self.remote_box = QComboBox()
        self.remote_box.setMinimumWidth(220)
        self.remote_box.currentIndexChanged.connect(self._remote_chosen)
        top.addWidget(self.remote_box)
        top.addStretch(1)
        lay.addLayout(top)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        self._build_remotes_tab()
        self._build_sync_tab()
        self._build_conflicts_tab()

        # Shown while a sync runs: what it is doing, counts, the ETA, and Cancel.
        self.run_panel = QWidget()
        rl = QVBoxLayout(self.run_panel)
        rl.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("syncProgress")
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel sync"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        rl.addWidget(self.progress_label)
        rl.addLayout(row)
        self.run_panel.hide()
        lay.addWidget(self.run_panel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("syncStatus")
        lay.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._conflict_chosen()
        self.reload_remotes()

    # ------------------------------------------------------------------ layout
    def _build_remotes_tab(self) -> None:
        page = QWidget()
        pl = QVBoxLayout(page)
        self.remotes_table = list_table(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("URL"),
                self.tr("Linked works"),
                self.tr("Open conflicts"),
                self.tr("Last sync"),
            ],
            stretch={2},
        )
        pl.addWidget(self.remotes_table, 1)
        self.remove_button = QPushButton(self.tr("Remove remote…"))
        self.remove_button.clicked.connect(self.remove_remote)
        rr = QHBoxLayout()
        rr.addStretch(1)
        rr.addWidget(self.remove_button)
        pl.addLayout(rr)

        box = QGroupBox(self.tr("Add a remote"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. central"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("http://127.0.0.1:8765")
        self.kind_box = QComboBox()
        for k in KINDS:
            self.kind_box.addItem(k, k)
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_id_edit = QLineEdit()
        self.client_secret_edit = QLineEdit()
        self.client_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add remote"))
        self.add_button.clicked.connect(self.add_remote)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("URL"), self.url_edit)
        form.addRow(self.tr("Kind"), self.kind_box)
        form.addRow(self.tr("API key"), self.token_edit)
        form.addRow(self.tr("Client id"), self.client_id_edit)
        form.addRow(self.tr("Client secret"), self.client_secret_edit)
        self.secrets_note = QLabel(
            self.tr("Secrets are kept in the system keyring, or in a file only you can read.")
        )
        self.secrets_note.setWordWrap(True)
        form.addRow(self.secrets_note)
        form.addRow(self.add_button)
        pl.addWidget(box)
        self._kind_chosen()
        self.tabs.addTab(page, self.tr("Remotes"))

    def _build_sync_tab(self) -> None:
        page = QWidget()
        pl = QVBoxLayout(page)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setObjectName("planSummary")
        pl.addWidget(self.plan_label)
        self.groups_label = QLabel(
            self.tr(
                "Works the remote would merge into one because they share a fingerprint: "
                "choose for each group."
            )
        )
        self.groups_label.setWordWrap(True)
        pl.addWidget(self.groups_label)
        self.groups_table = list_table(
            [self.tr("Group"), self.tr("Works"), self.tr("Decision")], stretch={0, 1}
        )
        self.groups_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.groups_table.setWordWrap(True)
        pl.addWidget(self.groups_table, 1)
        self.no_groups = QLabel(
            self.tr("No two local works share a fingerprint: there is nothing to decide.")
        )
        self.no_groups.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_groups.setWordWrap(True)
        pl.addWidget(self.no_groups, 1)
        row = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("Refresh plan"))
        self.plan_button.clicked.connect(self.reload_plan)
        self.pull_button = QPushButton(self.tr("Pull"))
        self.pull_button.setToolTip(self.tr("Take the remote's changes"))
        self.pull_button.clicked.connect(lambda: self.start("pull"))
        self.push_button = QPushButton(self.tr("Push"))
        self.push_button.setToolTip(self.tr("Send this desk's changes as planned"))
        self.push_button.clicked.connect(lambda: self.start("push"))
        self.sync_button = QPushButton(self.tr("Sync (pull, then push)"))
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(lambda: self.start("sync"))
        row.addWidget(self.plan_button)
        row.addStretch(1)
        for b in (self.pull_button, self.push_button, self.sync_button):
            row.addWidget(b)
        pl.addLayout(row)
        self.tabs.addTab(page, self.tr("Plan and sync"))

    def _build_conflicts_tab(self) -> None:
        page = QWidget()
        pl = QVBoxLayout(page)
        self.conflicts_table = list_table([self.tr("Work"), self.tr("Conflict")])
        self.conflicts_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.conflicts_table.currentCellChanged.connect(lambda *_: self._conflict_chosen())
        pl.addWidget(self.conflicts_table, 1)
        self.side_by_side = list_table(
            [self.tr("Field"), self.tr("This desk"), self.tr("Remote"), self.tr("Last synced")],
            stretch={1, 2, 3},
        )
        self.side_by_side.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.side_by_side.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pl.addWidget(self.side_by_side)
        self.conflict_note = QLabel()
        self.conflict_note.setWordWrap(True)
        pl.addWidget(self.conflict_note)
        row = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.theirs_button = QPushButton(self.tr("Take theirs"))
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.edit_value = QLineEdit()
        self.edit_value.setPlaceholderText(self.tr("or type the value to keep"))
        self.edit_button = QPushButton(self.tr("Use this value"))
        self.edit_button.clicked.connect(lambda: self.resolve("edit"))
        for w in (self.mine_button, self.theirs_button):
            row.addWidget(w)
        row.addWidget(self.edit_value, 1)
        row.addWidget(self.edit_button)
        pl.addLayout(row)
        pl.addWidget(
            QLabel(
                self.tr(
                    "Until a conflict is resolved the local value stays; the next sync sends the result."
                )
            )
        )
        self.tabs.addTab(page, self.tr("Conflicts"))

    # ------------------------------------------------------------------ helpers
    @property
    def remote_name(self) -> str | None:
        return self.remote_box.currentData()

    def _remote(self) -> Any:
        return next((r for r in self.remotes if r.name == self.remote_name), None)

    def _error(self, exc: BaseException) -> None:
        self.status.setText(_message(exc))

    def _busy(self) -> bool:
        return self.task is not None

    def _enable(self) -> None:
        remote = self._remote()
        idle = not self._busy()
        can_push = idle and remote is not None and remote.kind != "artsy"
        self.pull_button.setEnabled(idle and remote is not None)
        self.sync_button.setEnabled(idle and remote is not None)
        self.push_button.setEnabled(can_push)
        self.plan_button.setEnabled(idle and remote is not None)
        self.remove_button.setEnabled(idle and self.remotes_table.currentRow() >= 0)
        self.cancel_button.setEnabled(not idle)
        has = idle and self.conflicts_table.currentRow() >= 0
        for b in (self.mine_button, self.theirs_button, self.edit_button):
            b.setEnabled(has)

    def _kind_chosen(self) -> None:
        artsy = self.kind_box.currentData() == "artsy"
        self.token_edit.setEnabled(not artsy)
        self.client_id_edit.setEnabled(artsy)
        self.client_secret_edit.setEnabled(artsy)

    # ------------------------------------------------------------------ remotes
    def reload_remotes(self) -> None:
        self.runner.read(
            self.sync.list_remotes, key="sync-remotes", on_done=self._remotes, on_error=self._error
        )

    def _remotes(self, remotes: list) -> None:
        self.remotes = remotes
        self.remotes_table.setRowCount(len(remotes))
        for r, rem in enumerate(remotes):
            last = max((t for t in (rem.last_pull_at, rem.last_push_at) if t), default=None)
            values = [
                rem.name,
                rem.kind,
                rem.url,
                str(rem.linked),
                str(rem.open_conflicts),
                last.strftime("%Y-%m-%d %H:%M") if last else self.tr("never"),
            ]
            for c, v in enumerate(values):
                self.remotes_table.setItem(r, c, _item(v, rem.name))
        if remotes and self.remotes_table.currentRow() < 0:
            self.remotes_table.selectRow(0)
        current = self.remote_name
        self.remote_box.blockSignals(True)
        self.remote_box.clear()
        for rem in remotes:
            self.remote_box.addItem(f"{rem.name} ({rem.kind})", rem.name)
        index = self.remote_box.findData(current)
        self.remote_box.setCurrentIndex(index if index >= 0 else (0 if remotes else -1))
        self.remote_box.blockSignals(False)
        if not remotes:
            self.plan_label.setText(self.tr("No remote yet: add one on the Remotes tab."))
            self.tabs.setCurrentIndex(0)
        if self.remote_name != current or self.plan is None:
            self._remote_chosen()
        self._enable()
        self.remotes_loaded.emit(remotes)

    def add_remote(self) -> None:
        name = self.name_edit.text().strip()
        url = self.url_edit.text().strip()
        kind = self.kind_box.currentData()
        token = self.token_edit.text().strip() or None
        client_id = self.client_id_edit.text().strip() or None
        client_secret = self.client_secret_edit.text().strip() or None
        if kind == "artsy":
            token = None
        else:
            client_id = client_secret = None
        sync = self.sync

        def add() -> tuple[Any, str]:
            remote = sync.add_remote(
                name, url, kind, token=token, client_id=client_id, client_secret=client_secret
            )
            return remote, sync.where_secrets()

        self.add_button.setEnabled(False)
        self.runner.write(add, on_done=self._added, on_error=self._add_failed)

    def _add_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self._error(exc)

    def _added(self, result: tuple[Any, str]) -> None:
        remote, where = result
        self.add_button.setEnabled(True)
        for e in (
            self.name_edit,
            self.url_edit,
            self.token_edit,
            self.client_id_edit,
            self.client_secret_edit,
        ):
            e.clear()
        self.status.setText(
            self.tr("Added remote {name}; its secret is kept in {where}.").format(
                name=remote.name, where=where
            )
        )
        self.remote_box.blockSignals(True)
        self.remote_box.addItem(remote.name, remote.name)
        self.remote_box.setCurrentIndex(self.remote_box.count() - 1)
        self.remote_box.blockSignals(False)
        self.plan = None
        self.reload_remotes()

    def remove_remote(self) -> None:
        item = self.remotes_table.item(self.remotes_table.currentRow(), 0)
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            self.tr("Remove remote"),
            self.tr(
                "Forget the remote {name} and its stored secret? The works stay in both catalogs; "
                "adding it again later links them by fingerprint."
            ).format(name=name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove(name)

    def remove(self, name: str) -> None:
        """Forget ``name`` (no question asked: the button asks first)."""
        self.runner.write(
            self.sync.remove_remote,
            name,
            on_done=lambda _r: self._removed(name),
            on_error=self._error,
        )

    def _removed(self, name: str) -> None:
        self.status.setText(self.tr("Removed remote {name}.").format(name=name))
        self.plan = None
        self.reload_remotes()

    # ------------------------------------------------------------------ plan
    def _remote_chosen(self) -> None:
        self.plan = None
        self.groups_table.setRowCount(0)
        for w in (self.groups_label, self.groups_table, self.no_groups):
            w.hide()
        if self.remote_name is None:
            self.conflicts = []
            self.conflicts_table.setRowCount(0)
            self._enable()
            return
        self.reload_plan()
        self.reload_conflicts()
        self._enable()

    def reload_plan(self) -> None:
        name = self.remote_name
        if name is None:
            return
        self.plan_label.setText(self.tr("Working out what a push would do…"))
        self.runner.read(
            self.sync.plan, name, key="sync-plan", on_done=self._planned, on_error=self._error
        )

    def _planned(self, plan: Any) -> None:
        if plan.remote.name != self.remote_name:
            return
        self.plan = plan
        push = plan.push
        if plan.remote.kind == "artsy":
            text = self.tr("{name} is an Artsy remote: pull only, nothing is pushed.").format(
                name=plan.remote.name
            )
        else:
            text = self.tr(
                "A push would create {creates}, update {updates} and delete {deletes} remote "
                "works ({unchanged} unchanged)."
            ).format(
                creates=len(push.creates),
                updates=len(push.updates),
                deletes=len(push.deletes),
                unchanged=push.unchanged,
            )
            if push.groups:
                text += " " + self.tr(
                    "{groups} group(s) of works sharing a fingerprint to decide below.",
                    "",
                    len(push.groups),
                ).format(groups=len(push.groups))
        if push.held:
            text += " " + self.tr(
                "{n} work(s) with open conflicts keep their field.", "", push.held
            ).format(n=push.held)
        if plan.open_conflicts:
            text += " " + self.tr("{n} open conflict(s).", "", plan.open_conflicts).format(
                n=plan.open_conflicts
            )
        self.plan_label.setText(text)
        self.groups_table.setRowCount(len(plan.groups))
        for r, group in enumerate(plan.groups):
            self.groups_table.setItem(r, 0, _item(group.describe(), group.fingerprint))
            members = []
            for m in group.members:
                where = (
                    self.tr("on the remote as {id}").format(id=m.remote_artwork_id)
                    if m.remote_artwork_id
                    else self.tr("new")
                )
                members.append(f"#{m.artwork_id} {m.title} ({where})")
            self.groups_table.setItem(r, 1, _item("\n".join(members)))
            box = QComboBox()
            for value, label in DECISIONS:
                box.addItem(self.tr(label), value)
            self.groups_table.setCellWidget(r, 2, box)
        self.groups_table.resizeRowsToContents()
        self.groups_label.setVisible(bool(plan.groups))
        self.groups_table.setVisible(bool(plan.groups))
        self.no_groups.setVisible(not plan.groups)
        self.plan_loaded.emit(plan)

    def decision_box(self, fingerprint: str) -> QComboBox | None:
        for r in range(self.groups_table.rowCount()):
            if self.groups_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == fingerprint:
                return self.groups_table.cellWidget(r, 2)
        return None

    def decisions(self) -> dict[str, str]:
        out = {}
        for r in range(self.groups_table.rowCount()):
            fp = self.groups_table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            out[fp] = self.groups_table.cellWidget(r, 2).currentData()
        return out

    # ------------------------------------------------------------------ run
    def start(self, direction: str) -> Task | None:
        name = self.remote_name
        if name is None or self._busy():
            return None
        decisions = self.decisions() if direction != "pull" else {}
        sync = self.sync
        state = _RunState()

        def run(task: Task) -> list:
            cancel = _Cancel(state.cancel, task)
            if direction == "push":
                return [sync.push(name, decisions, state, cancel)]
            if direction == "pull":
                return [sync.pull(name, state, cancel)]
            return sync.sync(name, decisions, state, cancel)

        self.state = state
        self._phase_started = {}
        self.reports = None
        self.progress.setRange(0, 0)
        self.run_panel.show()
        self.progress_label.setText(self.tr("Connecting to {name}…").format(name=name))
        self.status.clear()
        self.task = self.runner.read(run, pass_task=True, on_done=self._done, on_error=self._failed)
        self._enable()
        self.timer.start()
        return self.task

    def _tick(self) -> None:
        if self.state is None:
            return
        phase, done, total = self.state.read()
        if phase is None:
            return
        now = time.monotonic()
        start = self._phase_started.setdefault(phase, (now, done))
        label = self.tr(PHASES.get(phase, phase))
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            text = self.tr("{phase}: {done} of {total}").format(
                phase=label, done=f"{done:,}", total=f"{total:,}"
            )
            elapsed, moved = now - start[0], done - start[1]
            if moved > 0 and done < total and elapsed > 0.5:
                left = elapsed / moved * (total - done)
                text += " " + self.tr("(about {eta} left)").format(eta=_duration(left))
        else:
            self.progress.setRange(0, 0)
            text = self.tr("{phase}: {done}").format(phase=label, done=f"{done:,}")
        if self.state.cancel.is_set():
            text += " — " + self.tr("cancelling after the requests in flight…")
        self.progress_label.setText(text)

    def cancel(self) -> None:
        if self.state is not None and self._busy():
            self.state.cancel.set()
            self.cancel_button.setEnabled(False)
            self._tick()
            if not self.progress_label.text():
                self.progress_label.setText(self.tr("Cancelling…"))

    def _finish(self) -> None:
        self.timer.stop()
        self._tick()
        self.task = None
        self.state = None
        self.run_panel.hide()
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.progress_label.clear()
        self._error(exc)
        self.reload_remotes()
        self.reload_plan()
        self.synced.emit([])

    def _done(self, reports: list) -> None:
        self._finish()
        self.reports = reports
        lines = []
        for report in reports:
            lines.append(self._report_text(report))
            lines.extend(f"  {m}" for m in report.messages[:5])
        self.progress_label.clear()
        self.status.setText("\n".join(lines))
        self.reload_remotes()
        self.reload_plan()
        self.reload_conflicts()
        self.synced.emit(reports)

    def _report_text(self, report: Any) -> str:
        direction = self.tr("Push") if report.direction == "push" else self.tr("Pull")
        status = {
            "done": self.tr("done"),
            "cancelled": self.tr("cancelled"),
            "failed": self.tr("failed"),
        }.get(report.status, report.status)
        counts = ", ".join(
            f"{v} {self.tr(REPORT_COUNTS[k]) if k in REPORT_COUNTS else k}"
            for k, v in sorted(report.counts.items())
            if v
        )
        text = self.tr("{direction}: {status} in {seconds:.1f} s").format(
            direction=direction, status=status, seconds=report.seconds
        )
        return text + (f" ({counts})" if counts else "")

    # ------------------------------------------------------------------ conflicts
    def reload_conflicts(self) -> None:
        name = self.remote_name
        if name is None:
            return
        self.runner.read(
            self.sync.conflicts,
            name,
            key="sync-conflicts",
            on_done=self._conflicts,
            on_error=self._error,
        )

    def _conflicts(self, conflicts: list) -> None:
        current = self._current_conflict()
        self.conflicts = conflicts
        self.conflicts_table.setRowCount(len(conflicts))
        for r, c in enumerate(conflicts):
            what = (
                field_label(c.field)
                if c.kind == "field"
                else self.tr(CONFLICT_KINDS.get(c.kind, c.kind))
            )
            self.conflicts_table.setItem(r, 0, _item(f"#{c.artwork_id} {c.title or ''}", c.id))
            self.conflicts_table.setItem(r, 1, _item(what, c.id))
        self.tabs.setTabText(
            2,
            self.tr("Conflicts ({n})").format(n=len(conflicts))
            if conflicts
            else self.tr("Conflicts"),
        )
        ids = [c.id for c in conflicts]
        if conflicts:
            self.conflicts_table.selectRow(
                ids.index(current.id) if current and current.id in ids else 0
            )
        self._conflict_chosen()
        self.conflicts_loaded.emit(conflicts)

    def _current_conflict(self) -> Any:
        row = self.conflicts_table.currentRow()
        if 0 <= row < len(self.conflicts):
            return self.conflicts[row]
        return None

    def select_conflict(self, conflict_id: int) -> None:
        for r, c in enumerate(self.conflicts):
            if c.id == conflict_id:
                self.conflicts_table.selectRow(r)

    def _conflict_chosen(self) -> None:
        c = self._current_conflict()
        self.side_by_side.setRowCount(0)
        self.edit_value.clear()
        self._fit_side_by_side(c)
        if c is None:
            self.conflict_note.setText(self.tr("No open conflicts.") if not self.conflicts else "")
            self._enable()
            return
        if c.kind == "field":
            self.side_by_side.setRowCount(1)
            shown = (field_label(c.field), _shown(c.mine), _shown(c.theirs), _shown(c.base))
            for col, v in enumerate(shown):
                self.side_by_side.setItem(0, col, _item(v))
            self.side_by_side.resizeRowsToContents()
            self.edit_value.setText("" if c.mine is None else _shown(c.mine))
            self.edit_value.setEnabled(True)
            self.conflict_note.setText(
                self.tr(
                    "Keep mine: this desk's value goes to the remote with the next sync. "
                    "Take theirs: the remote's value replaces this desk's."
                )
            )
        else:
            self.edit_value.setEnabled(c.kind == "ambiguous")
            self.conflict_note.setText(
                self.tr(CONFLICT_KINDS.get(c.kind, c.kind))
                + (
                    " "
                    + self.tr("Remote works: {ids}. Type one to link to it.").format(
                        ids=", ".join(str(x) for x in c.theirs or [])
                    )
                    if c.kind == "ambiguous"
                    else ""
                )
            )
        self._enable()

    def _fit_side_by_side(self, c: Any) -> None:
        """As tall as its header and one row (a field conflict), hidden for the other kinds."""
        t = self.side_by_side
        t.setVisible(c is None or c.kind == "field")
        rows = t.verticalHeader().defaultSectionSize()
        t.setFixedHeight(t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth())

    def resolve(self, choice: str) -> None:
        c = self._current_conflict()
        if c is None or self._busy():
            return
        value = None
        if choice == "edit":
            text = self.edit_value.text()
            if not text.strip():
                self.status.setText(self.tr("Type the value to keep first."))
                return
            value = _parse_edit(text, c.mine) if c.kind == "field" else text.strip()
        for b in (self.mine_button, self.theirs_button, self.edit_button):
            b.setEnabled(False)
        self.runner.write(
            self.sync.resolve_conflict,
            c.id,
            choice,
            value,
            on_done=self._resolved,
            on_error=self._resolve_failed,
        )

    def _resolve_failed(self, exc: BaseException) -> None:
        self._error(exc)
        self._enable()

    def _resolved(self, conflict: Any) -> None:
        self.status.setText(
            self.tr("Conflict on #{id} resolved ({how}); the next sync sends the result.").format(
                id=conflict.artwork_id, how=self._resolution_label(conflict.resolution)
            )
        )
        self.reload_conflicts()
        self.reload_plan()
        self.reload_remotes()
        self.resolved.emit(conflict)

    def _resolution_label(self, resolution: str) -> str:
        """The button that resolved a conflict, for the services' mine / theirs / edit."""
        labels = {
            "mine": self.tr("Keep mine"),
            "theirs": self.tr("Take theirs"),
            "edit": self.tr("Use this value"),
        }
        return labels.get(resolution, resolution)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        if self._busy():
            # The run stops after the requests in flight; its result is dropped (this dialog
            # may be deleted by then), and the window hears of the changes through the notifier.
            self.cancel()
            self.task.cancel()
            self.task = None
        self.timer.stop()
        super().done(result)


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
