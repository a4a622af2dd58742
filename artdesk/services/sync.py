"""Sync with remote catalogs: remotes, plan, push, pull, conflicts and the per-remote sync log.

Offline first: every local edit stays in the catalog; sync only moves it. Per remote and artwork a
``SyncLinkRow`` holds the remote id, the fingerprint the remote returned, the local version last
pushed, the remote's ETag and ``base``, the fields as both sides last agreed on them. Pull merges
field by field against that base (``artdesk.sync.merge``); push sends only what changed since.

Robustness:
- every write carries ``X-Idempotency-Key`` = hash(remote uid, artwork, local version, operation,
  body): a retry (or a rerun after a crash) of the same write replays the remote's first answer;
- links are written right after the remote answered, in small transactions; a run killed halfway
  leaves links for what was done, and the next run sends the rest (replays cost nothing);
- pull's cursor moves only when a pull completed; merging the same remote state twice is a no-op.

Thread model: network calls run on a small pool; every database write happens on the calling
thread, in batches, through ``Database.write()``.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from artdesk.core.errors import ArtdeskError, NotFoundError, ValidationError
from artdesk.core.fingerprint import slug, source_fingerprint
from artdesk.core.models import ARTWORK_EDIT_FIELDS, Artwork
from artdesk.db.engine import Database
from artdesk.db.models import (
    ArtworkRow,
    SyncConflictRow,
    SyncLinkRow,
    SyncRemoteRow,
    SyncRunRow,
    utcnow,
)
from artdesk.services.catalog import ArtworkQuery, CatalogService, KnownArtists
from artdesk.services.changes import Changes
from artdesk.services.sync_hal import HalPull, apply_hal_fields, create_local, hal_client
from artdesk.services.sync_merge import Incoming, merge_batch
from artdesk.sync.client import MAX_PUSH_BATCH, PAGE_LIMIT, BatchResult, RemoteWork, V1Client
from artdesk.sync.errors import (
    RemoteAuthError,
    RemoteConflict,
    RemoteError,
    RemoteNotFound,
    RemotePreconditionFailed,
    RemoteUnavailable,
    RemoteUnsupported,
)
from artdesk.sync.fields import (
    FINGERPRINT_WIRE_FIELDS,
    fields_for,
    local_fields,
    normalise,
    remote_fields,
    same,
)
from artdesk.sync.merge import FieldConflict, local_changes, three_way
from artdesk.sync.plan import (
    DECISIONS,
    LinkInfo,
    LocalWork,
    PlanGroup,
    PushPlan,
    build_push_plan,
    group_steps,
)
from artdesk.sync.retry import RetryPolicy
from artdesk.sync.secrets import SecretStore

KINDS = ("artland", "artdesk", "artsy")
CHOICES = ("mine", "theirs", "edit")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
BATCH = 200  # outcomes written per transaction
LOCAL_PAGE = 1000
# Above this many changed works, an incremental pull lists everything instead of GETting each.
CHANGELOG_GET_LIMIT = 2000


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class SyncProgress:
    phase: str  # "push", "list", "fetch", "merge"
    done: int
    total: int | None


ProgressFn = Callable[[SyncProgress], None]


@dataclass(frozen=True, slots=True)
class Remote:
    id: int
    name: str
    url: str
    kind: str
    partner_id: int | None
    pull_cursor: str | None
    last_push_at: datetime | None
    last_pull_at: datetime | None
    created_at: datetime | None
    linked: int = 0
    open_conflicts: int = 0


@dataclass(frozen=True, slots=True)
class SyncPlan:
    remote: Remote
    push: PushPlan
    open_conflicts: int

    @property
    def groups(self) -> list[PlanGroup]:
        return self.push.groups

    def summary(self) -> str:
        text = self.push.summary()
        if self.open_conflicts:
            text += f"; {self.open_conflicts} open conflict(s)"
        return text


@dataclass(frozen=True, slots=True)
class Conflict:
    id: int
    remote: str
    artwork_id: int
    remote_artwork_id: str | None
    kind: str  # field | deleted_remote | deleted_local | ambiguous
    field: str | None
    base: Any
    mine: Any
    theirs: Any
    title: str
    created_at: datetime | None
    resolved_at: datetime | None = None
    resolution: str | None = None

    def describe(self) -> str:
        if self.kind == "field":
            return f"{self.field}: here {self.mine!r}, there {self.theirs!r} (was {self.base!r})"
        if self.kind == "deleted_remote":
            return "edited here, deleted on the remote"
        if self.kind == "deleted_local":
            return "deleted here, edited on the remote"
        candidates = ", ".join(str(c) for c in (self.theirs or []))
        return f"the remote has several works with this fingerprint: {candidates}"


@dataclass(slots=True)
class SyncReport:
    remote: str
    direction: str
    status: str = "done"  # done | cancelled | failed
    counts: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def summary(self) -> str:
        shown = ", ".join(f"{v} {k}" for k, v in sorted(self.counts.items()) if v)
        return f"{self.direction} {self.remote}: {self.status}" + (f" ({shown})" if shown else "")


@dataclass(frozen=True, slots=True)
class SyncRun:
    id: int
    remote: str
    direction: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    counts: dict[str, Any]
    messages: list[str]


class SyncCancelled(ArtdeskError):
    code = "cancelled"


# ---------------------------------------------------------------------- outcomes of remote calls
@dataclass(slots=True)
class _Outcome:
    """What a network task learnt; applied to the catalog on the calling thread."""

    artwork_id: int
    kind: str  # created | adopted | updated | deleted | conflict | failed | gone
    remote_id: str | None = None
    fingerprint: str | None = None
    etag: str | None = None
    base: dict[str, Any] | None = None
    state: str = "synced"
    version: int | None = None
    take_remote: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)
    conflict_kind: str | None = None
    conflict_value: Any = None
    message: str | None = None
    pending_local: bool = False  # local changes remain to be pushed


def idempotency_key(uid: str, artwork_id: int, version: int, op: str, body: Any = None) -> str:
    """Deterministic per (remote, artwork, local version, operation, body)."""
    raw = json.dumps([uid, artwork_id, version, op, body], sort_keys=True, default=str)
    return "artdesk-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]


def temporary_title(title: str, uid: str, artwork_id: int) -> str:
    token = hashlib.sha256(f"{uid}|{artwork_id}".encode()).hexdigest()[:12]
    return f"{title} [artdesk {token}]"


class SyncService:
    def __init__(
        self,
        db: Database,
        catalog: CatalogService,
        *,
        secrets: SecretStore | None = None,
        secrets_dir: Path | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        concurrency: int = 8,
    ) -> None:
        self.db = db
        self.catalog = catalog
        self._secrets = secrets
        self._secrets_dir = secrets_dir
        self.transport = transport
        self.retry = retry or RetryPolicy()
        self.concurrency = max(1, concurrency)
        self.push_batch = MAX_PUSH_BATCH  # at most this many creates per batch request

    # ------------------------------------------------------------------ secrets
    @property
    def secrets(self) -> SecretStore:
        if self._secrets is None:
            from artdesk.settings import default_data_dir

            self._secrets = SecretStore(self._secrets_dir or default_data_dir())
        return self._secrets

    # ------------------------------------------------------------------ remotes
    def add_remote(
        self,
        name: str,
        url: str,
        kind: str,
        *,
        token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        partner_id: int | None = None,
    ) -> Remote:
        if not _NAME.match(name or ""):
            raise ValidationError(
                "a remote name is letters, digits, '.', '_' or '-' (up to 100)", field="name"
            )
        url = (url or "").strip().rstrip("/")
        if not re.match(r"^https?://[^\s/]+", url):
            raise ValidationError(f"the remote URL must be http(s)://..., not {url!r}", field="url")
        kind = (kind or "").strip().lower()
        if kind not in KINDS:
            raise ValidationError(f"kind must be one of {', '.join(KINDS)}", field="kind")
        if kind == "artsy" and not (client_id and client_secret):
            raise ValidationError("an artsy remote needs --client-id and --client-secret")
        if kind != "artsy" and not token:
            raise ValidationError(f"an {kind} remote needs --token (an API key)", field="token")
        if partner_id is None:
            partners = self.catalog.list_partners()
            if len(partners) == 1:
                partner_id = partners[0].id
        else:
            self.catalog.get_partner(partner_id)
        uid = uuid.uuid4().hex
        with self.db.write() as s:
            if s.scalar(select(SyncRemoteRow.id).where(SyncRemoteRow.name == name)):
                raise ValidationError(f"a remote named {name!r} exists already", field="name")
            row = SyncRemoteRow(
                name=name, url=url, kind=kind, uid=uid, partner_id=partner_id, created_at=utcnow()
            )
            s.add(row)
            s.flush()
            # The secret goes in while the row is not yet committed: a failure leaves neither.
            self.secrets.set(
                uid,
                {
                    "token": token or "",
                    "client_id": client_id or "",
                    "client_secret": client_secret or "",
                },
            )
            out = _remote(row)
        return out

    def list_remotes(self) -> list[Remote]:
        with self.db.read() as s:
            rows = list(s.scalars(select(SyncRemoteRow).order_by(SyncRemoteRow.name)))
            out = []
            for r in rows:
                linked = len(
                    s.scalars(select(SyncLinkRow.id).where(SyncLinkRow.remote_id == r.id)).all()
                )
                open_ = len(
                    s.scalars(
                        select(SyncConflictRow.id).where(
                            SyncConflictRow.remote_id == r.id, SyncConflictRow.resolved_at.is_(None)
                        )
                    ).all()
                )
                out.append(_remote(r, linked, open_))
            return out

    def get_remote(self, name: str) -> Remote:
        with self.db.read() as s:
            return _remote(self._remote_row(s, name))

    def remove_remote(self, name: str) -> None:
        with self.db.write() as s:
            row = self._remote_row(s, name)
            uid = row.uid
            for table in (SyncConflictRow, SyncLinkRow, SyncRunRow):
                s.execute(delete(table).where(table.remote_id == row.id))
            s.delete(row)
        self.secrets.delete(uid)

    def where_secrets(self) -> str:
        return self.secrets.where

    @staticmethod
    def _remote_row(s: Session, name: str) -> SyncRemoteRow:
        row = s.scalar(select(SyncRemoteRow).where(SyncRemoteRow.name == name))
        if row is None:
            raise NotFoundError(f"no remote named {name!r}; see `artdesk remotes list`")
        return row

    def _client(self, remote: SyncRemoteRow | Remote, uid: str) -> V1Client:
        secrets = self.secrets.get(uid)
        if remote.kind == "artsy":
            raise ValidationError("an artsy remote is read-only and pulled through its HAL API")
        token = secrets.get("token")
        if not token:
            raise ValidationError(
                f"no key stored for remote {remote.name!r} (looked in {self.secrets.where}); "
                "remove and add it again with --token"
            )
        return V1Client(
            remote.url,
            token,
            transport=self.transport,
            retry=self.retry,
            max_connections=self.concurrency * 2,
        )

    def _ensure_partner(self, remote_id: int, client: V1Client) -> int:
        with self.db.read() as s:
            row = s.get(SyncRemoteRow, remote_id)
            if row.partner_id is not None:
                return row.partner_id
        me = client.me()
        entity = (me or {}).get("entity") or {}
        name = str(entity.get("name") or "").strip()
        if not name:
            raise ValidationError(
                "cannot tell which local partner syncs with this remote; add the remote with --partner"
            )
        try:
            partner = self.catalog.get_partner_by_slug(slug(entity.get("slug") or name))
        except NotFoundError:
            partner = self.catalog.create_partner(
                name,
                slug_=entity.get("slug") or None,
                type=_partner_type(entity.get("type")),
                source="sync",
            )
        with self.db.write() as s:
            s.get(SyncRemoteRow, remote_id).partner_id = partner.id
        return partner.id

    # ------------------------------------------------------------------ state
    def _local_works(self, partner_id: int) -> dict[int, Artwork]:
        out: dict[int, Artwork] = {}
        after = None
        query = ArtworkQuery(partner_id=partner_id)
        while True:
            page = self.catalog.list_artworks_after(query, after, LOCAL_PAGE)
            if not page:
                return out
            for a in page:
                out[a.id] = a
            after = page[-1].id

    def _links(self, s: Session, remote_id: int) -> dict[int, SyncLinkRow]:
        return {
            r.artwork_id: r
            for r in s.scalars(select(SyncLinkRow).where(SyncLinkRow.remote_id == remote_id))
        }

    def _open_conflicts(self, s: Session, remote_id: int) -> list[SyncConflictRow]:
        return list(
            s.scalars(
                select(SyncConflictRow).where(
                    SyncConflictRow.remote_id == remote_id, SyncConflictRow.resolved_at.is_(None)
                )
            )
        )

    def _state(
        self, name: str
    ) -> tuple[SyncRemoteRow, dict[int, LinkInfo], dict[int, set[str]], set[int]]:
        with self.db.read() as s:
            row = self._remote_row(s, name)
            links = {
                aid: LinkInfo(
                    aid,
                    r.remote_artwork_id,
                    r.remote_fingerprint,
                    dict(r.base or {}),
                    r.state,
                    r.pushed_version,
                    r.remote_etag,
                )
                for aid, r in self._links(s, row.id).items()
            }
            held: dict[int, set[str]] = {}
            blocked: set[int] = set()
            for c in self._open_conflicts(s, row.id):
                if c.kind == "field" and c.field:
                    held.setdefault(c.artwork_id, set()).add(c.field)
                else:
                    blocked.add(c.artwork_id)
            s.expunge(row)
            return row, links, held, blocked

    # ------------------------------------------------------------------ plan
    def plan(self, name: str) -> SyncPlan:
        """What a push would do now (no network): creates, updates, deletes, groups to decide."""
        row, links, held, blocked = self._state(name)
        fields = fields_for(row.kind)
        if row.kind == "artsy":
            return SyncPlan(_remote(row), PushPlan(), self._count_open(row.id))
        works = self._local_works(row.partner_id) if row.partner_id is not None else {}
        push = build_push_plan(
            [_local_work(a, fields) for a in works.values()],
            links,
            fields,
            held=held,
            blocked=blocked,
        )
        return SyncPlan(_remote(row), push, self._count_open(row.id))

    def _count_open(self, remote_id: int) -> int:
        with self.db.read() as s:
            return len(self._open_conflicts(s, remote_id))

    # ------------------------------------------------------------------ runs (the sync log)
    def _start_run(self, remote_id: int, direction: str) -> int:
        with self.db.write() as s:
            run = SyncRunRow(
                remote_id=remote_id, direction=direction, status="running", started_at=utcnow()
            )
            s.add(run)
            s.flush()
            return run.id

    def _finish_run(self, run_id: int, report: SyncReport) -> None:
        with self.db.write() as s:
            run = s.get(SyncRunRow, run_id)
            run.status = report.status
            run.finished_at = utcnow()
            run.counts = dict(report.counts)
            run.messages = list(report.messages[-200:])
            remote = s.get(SyncRemoteRow, run.remote_id)
            if report.status == "done":
                if report.direction == "push":
                    remote.last_push_at = utcnow()
                else:
                    remote.last_pull_at = utcnow()

    def log(self, name: str, limit: int = 50) -> list[SyncRun]:
        with self.db.read() as s:
            row = self._remote_row(s, name)
            runs = s.scalars(
                select(SyncRunRow)
                .where(SyncRunRow.remote_id == row.id)
                .order_by(SyncRunRow.id.desc())
                .limit(limit)
            )
            return [
                SyncRun(
                    r.id,
                    name,
                    r.direction,
                    r.status,
                    r.started_at,
                    r.finished_at,
                    dict(r.counts or {}),
                    list(r.messages or []),
                )
                for r in runs
            ]

    def _run(
        self, name: str, direction: str, body: Callable[[SyncRemoteRow, SyncReport], None]
    ) -> SyncReport:
        with self.db.read() as s:
            row = self._remote_row(s, name)
            s.expunge(row)
        report = SyncReport(name, direction)
        run_id = self._start_run(row.id, direction)
        started = time.monotonic()
        try:
            body(row, report)
        except SyncCancelled:
            report.status = "cancelled"
            report.messages.append("cancelled; the next run continues from here")
        except (RemoteError, ArtdeskError) as exc:
            report.status = "failed"
            report.messages.append(exc.message)
            report.seconds = time.monotonic() - started
            self._finish_run(run_id, report)
            raise
        except BaseException:
            report.status = "failed"
            report.messages.append("interrupted")
            report.seconds = time.monotonic() - started
            self._finish_run(run_id, report)
            raise
        report.seconds = time.monotonic() - started
        self._finish_run(run_id, report)
        return report

    # ------------------------------------------------------------------ push
    def push(
        self,
        name: str,
        decisions: Mapping[str, str] | None = None,
        progress: ProgressFn | None = None,
        cancel: Cancel | None = None,
    ) -> SyncReport:
        """Send local creates, updates and deletes. ``decisions``: fingerprint -> one|each|skip
        for the plan's groups (a group without a decision is skipped: nothing is merged silently)."""
        decisions = dict(decisions or {})
        for fp, d in decisions.items():
            if d not in DECISIONS:
                raise ValidationError(f"decision for {fp[:12]}: use one of {', '.join(DECISIONS)}")

        def body(row: SyncRemoteRow, report: SyncReport) -> None:
            if row.kind == "artsy":
                raise ValidationError(
                    f"remote {row.name!r} is an artsy remote: read-only, pull only"
                )
            with self._client(row, row.uid) as client:
                partner_id = self._ensure_partner(row.id, client)
                self._push(row, partner_id, client, decisions, report, progress, cancel)

        return self._run(name, "push", body)

    def _push(
        self,
        row: SyncRemoteRow,
        partner_id: int,
        client: V1Client,
        decisions: Mapping[str, str],
        report: SyncReport,
        progress: ProgressFn | None,
        cancel: Cancel | None,
    ) -> None:
        _, links, held, blocked = self._state(row.name)
        fields = fields_for(row.kind)
        works = self._local_works(partner_id)
        plan = build_push_plan(
            [_local_work(a, fields) for a in works.values()],
            links,
            fields,
            held=held,
            blocked=blocked,
        )
        tasks: list[_Task] = []
        merged_into: dict[int, int] = {}
        creates = [works[aid] for aid in plan.creates]
        for aid, link in links.items():
            if link.state == "separate" and link.remote_artwork_id is None and aid in works:
                tasks.append(_Task(_bind(self._task_create, client, row, works[aid], fields, True)))
        for group in plan.groups:
            decision = decisions.get(group.fingerprint, "skip")
            steps = group_steps(group, decision)
            if decision == "skip":
                report.add("skipped", len(group.new_ids))
                report.messages.append(f"skipped (decide per group): {group.describe()}")
            creates.extend(works[aid] for aid in steps.creates)
            for aid in steps.separate_creates:
                tasks.append(_Task(_bind(self._task_create, client, row, works[aid], fields, True)))
            merged_into.update(steps.merged_into)
        for up in plan.updates:
            link = links[up.artwork_id]
            tasks.append(
                _Task(
                    _bind(
                        self._task_update,
                        client,
                        row,
                        works[up.artwork_id],
                        link,
                        up.changes,
                        link.etag,
                        fields,
                        held.get(up.artwork_id, set()),
                    )
                )
            )
        for d in plan.deletes:
            link = links[d.artwork_id]
            tasks.append(
                _Task(_bind(self._task_delete, client, row, link, d.remote_artwork_id, fields))
            )
        window = self.concurrency * 4
        if row.kind == "artdesk" and creates:
            # An artdesk remote takes the creates in batches (POST /v1/artworks/batch, one
            # transaction and one request for many works); a batch is one task. The remote
            # writes one batch at a time, so a few in flight keep it busy (more would only
            # wait there), and a cancel still stops a push partway.
            size = _batch_size(len(creates), self.concurrency, self.push_batch)
            tasks[:0] = [
                _Task(_bind(self._task_create_batch, client, row, chunk, fields), len(chunk))
                for chunk in _chunks(creates, size)
            ]
            window = max(2, self.concurrency // 2)
        else:
            tasks[:0] = [
                _Task(_bind(self._task_create, client, row, w, fields, False)) for w in creates
            ]
        total = sum(t.works for t in tasks) + len(merged_into)
        self._execute(row, tasks, report, progress, cancel, "push", total, window)
        if merged_into:
            self._write_merged(row, merged_into, works, fields, report)
        if progress:
            progress(SyncProgress("push", total, total))

    def _execute(
        self,
        row: SyncRemoteRow,
        tasks: list[_Task],
        report: SyncReport,
        progress: ProgressFn | None,
        cancel: Cancel | None,
        phase: str,
        total: int,
        window: int,
    ) -> None:
        """Run network tasks on the pool, at most ``window`` at a time; write their outcomes
        in batches on this thread."""
        done = 0
        pending: list[_Outcome] = []
        fatal: BaseException | None = None
        cancelled = False
        it = iter(tasks)
        running: dict[Future, int] = {}  # -> how many works the task is for
        last_flush = time.monotonic()
        if progress:
            progress(SyncProgress(phase, 0, total))
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="artdesk-sync") as pool:
            try:
                while True:
                    while fatal is None and not cancelled and len(running) < window:
                        if cancel is not None and cancel.is_set():
                            cancelled = True
                            break
                        task = next(it, None)
                        if task is None:
                            break
                        running[pool.submit(task.run)] = task.works
                    if not running:
                        break
                    finished, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
                    for fut in finished:
                        works = running.pop(fut)
                        try:
                            pending.extend(_outcomes(fut.result()))
                        except (RemoteUnavailable, RemoteAuthError) as exc:
                            fatal = fatal or exc
                        except RemoteError as exc:
                            report.add("failed", works)
                            report.messages.append(exc.message)
                        done += works
                    if len(pending) >= BATCH or (pending and time.monotonic() - last_flush > 1.0):
                        self._write_outcomes(row, pending, report)
                        pending = []
                        last_flush = time.monotonic()
                    if progress and finished:
                        progress(SyncProgress(phase, done, total))
            except BaseException:
                cancelled = True
                for fut in running:
                    fut.cancel()
                wait(running)
                for fut in running:
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        pending.extend(_outcomes(fut.result()))
                self._write_outcomes(row, pending, report)
                raise
        self._write_outcomes(row, pending, report)
        if fatal is not None:
            raise fatal
        if cancelled:
            raise SyncCancelled("sync cancelled")

    # ---- network tasks (pool threads: no database writes here)
    def _task_create(
        self,
        client: V1Client,
        row: SyncRemoteRow,
        work: Artwork,
        fields: tuple[str, ...],
        separate: bool,
    ) -> _Outcome:
        local = local_fields(work, fields)
        body = {k: v for k, v in local.items() if v is not None}
        if not separate:
            key = idempotency_key(row.uid, work.id, work.version, "create", body)
            try:
                out, etag = client.create_artwork(body, key)
            except RemoteConflict as exc:
                return _Outcome(
                    work.id,
                    "conflict",
                    conflict_kind="ambiguous",
                    conflict_value=exc.candidates,
                    message=f"work {work.id}: {exc.message}",
                )
            except RemoteError as exc:
                if exc.status == 400:
                    return _Outcome(
                        work.id, "failed", message=f"work {work.id} ({work.title}): {exc.message}"
                    )
                raise
            return self._created(client, work, local, body, out, etag, fields)
        # Its own remote work although another shares the fingerprint: create under a unique
        # temporary title (no upsert can match it), then rename it by id.
        temp = dict(body, title=temporary_title(work.title, row.uid, work.id))
        key = idempotency_key(row.uid, work.id, work.version, "create-separate", temp)
        out, etag = client.create_artwork(temp, key)
        rid = str(out["id"])
        base = dict(local, title=temp["title"])
        rename = {"title": local["title"]}
        try:
            changed = client.update_artwork(
                rid, rename, idempotency_key(row.uid, work.id, work.version, "rename", rename)
            )
        except RemoteUnavailable:
            # Created but not yet renamed: the link says so and the next push sends the title.
            return _Outcome(work.id, "created", rid, None, etag, base, state="synced", version=None)
        base["title"] = local["title"]
        return _Outcome(
            work.id,
            "created",
            rid,
            work.source_fingerprint,
            changed.etag,
            base,
            version=work.version,
        )

    @staticmethod
    def _created(
        client: V1Client,
        work: Artwork,
        local: dict[str, Any],
        body: dict[str, Any],
        out: Mapping[str, Any],
        etag: str | None,
        fields: tuple[str, ...],
    ) -> _Outcome:
        """The outcome of a POST the remote answered with ``out`` (201)."""
        rid = str(out["id"])
        fp = str(out.get("source_fingerprint") or work.source_fingerprint)
        if out.get("created", True):
            return _Outcome(work.id, "created", rid, fp, etag, dict(local), version=work.version)
        # The remote merged our fields into a work it already had (another desk pushed it):
        # fetch it and merge what it has that we do not.
        remote = client.get_artwork(rid)
        merged = three_way(body, local, remote_fields(remote.data, fields), fields)
        return _Outcome(
            work.id,
            "adopted",
            rid,
            fp,
            remote.etag,
            merged.new_base,
            version=work.version,
            take_remote=merged.take_remote,
            conflicts=merged.conflicts,
            pending_local=bool(merged.push_local),
        )

    def _task_create_batch(
        self, client: V1Client, row: SyncRemoteRow, works: list[Artwork], fields: tuple[str, ...]
    ) -> list[_Outcome]:
        """POSTs of ``_task_create`` (not separate) in one ``POST /v1/artworks/batch``, with
        the same idempotency key per work (so a retry, or a rerun after a crash, replays them
        whichever way they were first sent). A remote without the batch route gets them one
        by one."""
        locals_ = [local_fields(w, fields) for w in works]
        bodies = [{k: v for k, v in local.items() if v is not None} for local in locals_]
        keys = [
            idempotency_key(row.uid, w.id, w.version, "create", body)
            for w, body in zip(works, bodies, strict=True)
        ]
        if client.batch_supported is not False:
            try:
                results = client.create_artworks(list(zip(bodies, keys, strict=True)))
            except RemoteUnsupported:
                pass  # remembered by the client: the rest of the push goes one by one
            else:
                return [
                    self._batch_outcome(client, w, local, body, result, fields)
                    for w, local, body, result in zip(works, locals_, bodies, results, strict=True)
                ]
        return [self._task_create(client, row, w, fields, False) for w in works]

    def _batch_outcome(
        self,
        client: V1Client,
        work: Artwork,
        local: dict[str, Any],
        body: dict[str, Any],
        result: BatchResult,
        fields: tuple[str, ...],
    ) -> _Outcome:
        if result.status in (200, 201) and "id" in result.body:
            return self._created(client, work, local, body, result.body, result.etag, fields)
        message = str(result.body.get("message") or result.body.get("error") or result.status)
        if result.status == 409:
            return _Outcome(
                work.id,
                "conflict",
                conflict_kind="ambiguous",
                conflict_value=[str(c) for c in result.body.get("candidates") or []],
                message=f"work {work.id}: POST /v1/artworks/batch: {message}",
            )
        return _Outcome(work.id, "failed", message=f"work {work.id} ({work.title}): {message}")

    def _task_update(
        self,
        client: V1Client,
        row: SyncRemoteRow,
        work: Artwork,
        link: LinkInfo,
        changes: dict[str, Any],
        etag: str | None,
        fields: tuple[str, ...],
        hold: set[str],
    ) -> _Outcome:
        rid = link.remote_artwork_id
        assert rid is not None
        local = local_fields(work, fields)
        base = dict(link.base)
        take: dict[str, Any] = {}
        conflicts: list[FieldConflict] = []
        for _attempt in range(3):
            key = idempotency_key(row.uid, work.id, work.version, "update", [changes, etag])
            try:
                changed = client.update_artwork(rid, changes, key, if_match=etag)
            except RemoteNotFound:
                return _Outcome(
                    work.id,
                    "conflict",
                    rid,
                    conflict_kind="deleted_remote",
                    message=f"work {work.id} ({work.title}): edited here, deleted on the remote",
                )
            except RemotePreconditionFailed:
                # The remote work changed since our ETag: merge it in, then send what is left.
                current = client.get_artwork(rid)
                merged = three_way(
                    base, local, remote_fields(current.data, fields), fields, held=hold
                )
                base = merged.new_base
                take.update(merged.take_remote)
                conflicts.extend(merged.conflicts)
                etag = current.etag
                changes = merged.push_local
                if not changes:
                    return _Outcome(
                        work.id,
                        "updated",
                        rid,
                        current.data.get("source_fingerprint"),
                        etag,
                        base,
                        version=work.version,
                        take_remote=take,
                        conflicts=conflicts,
                    )
                continue
            except RemoteError as exc:
                if exc.status == 400:
                    return _Outcome(
                        work.id, "failed", message=f"work {work.id} ({work.title}): {exc.message}"
                    )
                raise
            base.update(changes)
            fp = (
                work.source_fingerprint
                if FINGERPRINT_WIRE_FIELDS & set(changes)
                else link.remote_fingerprint
            )
            return _Outcome(
                work.id,
                "updated",
                rid,
                fp,
                changed.etag,
                base,
                version=work.version,
                take_remote=take,
                conflicts=conflicts,
            )
        return _Outcome(
            work.id, "failed", message=f"work {work.id}: the remote kept changing; try again"
        )

    def _task_delete(
        self,
        client: V1Client,
        row: SyncRemoteRow,
        link: LinkInfo,
        rid: str,
        fields: tuple[str, ...],
    ) -> _Outcome:
        try:
            current = client.get_artwork(rid)
        except RemoteNotFound:
            return _Outcome(link.artwork_id, "gone", rid)
        theirs = remote_fields(current.data, fields)
        if any(not same(f, theirs.get(f), link.base.get(f)) for f in theirs if f in link.base):
            return _Outcome(
                link.artwork_id,
                "conflict",
                rid,
                conflict_kind="deleted_local",
                conflict_value=theirs,
                message=f"work {link.artwork_id}: deleted here, edited on the remote",
            )
        key = idempotency_key(row.uid, link.artwork_id, link.pushed_version or 0, "delete", rid)
        try:
            client.delete_artwork(rid, key, if_match=current.etag)
        except RemoteNotFound:
            return _Outcome(link.artwork_id, "gone", rid)
        except RemotePreconditionFailed:
            return _Outcome(
                link.artwork_id,
                "conflict",
                rid,
                conflict_kind="deleted_local",
                conflict_value=theirs,
                message=f"work {link.artwork_id}: deleted here, edited on the remote",
            )
        except RemoteUnsupported:
            return _Outcome(
                link.artwork_id,
                "failed",
                rid,
                state="orphan",
                message=f"the remote cannot delete; remote work {rid} stays there",
            )
        return _Outcome(link.artwork_id, "deleted", rid)

    # ---- writing outcomes (calling thread)
    def _write_outcomes(
        self, row: SyncRemoteRow, outcomes: list[_Outcome], report: SyncReport
    ) -> None:
        if not outcomes:
            return
        source = f"sync:{row.name}"
        touched: set[int] = set()
        with self.db.write() as s:
            links = {
                r.artwork_id: r
                for r in s.scalars(
                    select(SyncLinkRow).where(
                        SyncLinkRow.remote_id == row.id,
                        SyncLinkRow.artwork_id.in_([o.artwork_id for o in outcomes]),
                    )
                )
            }
            for o in outcomes:
                link = links.get(o.artwork_id)
                if o.message and o.kind in ("failed", "conflict"):
                    report.messages.append(o.message)
                if o.kind == "failed":
                    report.add("failed")
                    if o.state == "orphan" and link is not None:
                        link.state = "orphan"
                    continue
                if o.kind in ("deleted", "gone"):
                    report.add("deleted")
                    if link is not None:
                        s.delete(link)
                    continue
                if o.kind == "conflict":
                    report.add("conflicts")
                    self._add_conflict(
                        s,
                        row.id,
                        o.artwork_id,
                        o.remote_id,
                        o.conflict_kind or "field",
                        None,
                        None,
                        None,
                        o.conflict_value,
                    )
                    continue
                if link is None:
                    link = SyncLinkRow(remote_id=row.id, artwork_id=o.artwork_id, base={})
                    s.add(link)
                    links[o.artwork_id] = link
                link.remote_artwork_id = o.remote_id
                if o.fingerprint:
                    link.remote_fingerprint = o.fingerprint
                link.remote_etag = o.etag
                link.state = o.state
                version = o.version
                if o.take_remote:
                    version = self._apply_local(s, o.artwork_id, o.take_remote, source, report)
                    touched.add(o.artwork_id)
                for c in o.conflicts:
                    self._add_conflict(
                        s,
                        row.id,
                        o.artwork_id,
                        o.remote_id,
                        "field",
                        c.field,
                        c.base,
                        c.mine,
                        c.theirs,
                    )
                    report.add("conflicts")
                link.base = _jsonable(o.base or {})
                if version is not None and not o.pending_local:
                    link.pushed_version = version
                link.updated_at = utcnow()
                report.add(o.kind)
        if touched:
            self.catalog.notifier.emit(Changes.artworks(touched, source))

    def _write_merged(
        self,
        row: SyncRemoteRow,
        merged_into: dict[int, int],
        works: dict[int, Artwork],
        fields: tuple[str, ...],
        report: SyncReport,
    ) -> None:
        with self.db.write() as s:
            links = self._links(s, row.id)
            for aid, rep in merged_into.items():
                target = links.get(rep)
                if target is None or target.remote_artwork_id is None:
                    continue
                link = links.get(aid) or SyncLinkRow(remote_id=row.id, artwork_id=aid)
                link.remote_artwork_id = target.remote_artwork_id
                link.remote_fingerprint = target.remote_fingerprint
                link.state = "merged"
                link.base = _jsonable(local_fields(works[aid], fields))
                link.pushed_version = works[aid].version
                s.add(link)
                report.add("merged")

    def _add_conflict(
        self,
        s: Session,
        remote_id: int,
        artwork_id: int,
        remote_artwork_id: str | None,
        kind: str,
        field_: str | None,
        base: Any,
        mine: Any,
        theirs: Any,
    ) -> None:
        existing = s.scalar(
            select(SyncConflictRow).where(
                SyncConflictRow.remote_id == remote_id,
                SyncConflictRow.artwork_id == artwork_id,
                SyncConflictRow.kind == kind,
                SyncConflictRow.field == field_
                if field_ is not None
                else SyncConflictRow.field.is_(None),
                SyncConflictRow.resolved_at.is_(None),
            )
        )
        if existing is not None:
            existing.remote_value = _jsonable(theirs)
            existing.local_value = _jsonable(mine)
            return
        s.add(
            SyncConflictRow(
                remote_id=remote_id,
                artwork_id=artwork_id,
                remote_artwork_id=remote_artwork_id,
                kind=kind,
                field=field_,
                base_value=_jsonable(base),
                local_value=_jsonable(mine),
                remote_value=_jsonable(theirs),
                created_at=utcnow(),
            )
        )

    def _apply_local(
        self,
        s: Session,
        artwork_id: int,
        changes: Mapping[str, Any],
        source: str,
        report: SyncReport | None,
    ) -> int | None:
        """Apply remote values to a local work inside ``s`` (one savepoint); the new version."""
        row = s.get(ArtworkRow, artwork_id)
        if row is None:
            return None
        refused = self._apply_remote(s, row, changes, source)
        if report is not None:
            if refused is None:
                report.add("applied")
            else:
                report.add("failed")
                report.messages.append(
                    f"work {artwork_id}: the remote's value was refused: {refused}"
                )
        return row.version

    def _apply_remote(
        self, s: Session, row: ArtworkRow, changes: Mapping[str, Any], source: str
    ) -> str | None:
        """Remote values (wire fields) into ``row`` in one savepoint: None, or why refused
        (then nothing is written)."""
        try:
            with s.begin_nested():
                clean, names = self.catalog._prepare(_to_catalog(changes), create=False)
                diff = self.catalog._apply(s, row, clean, names, source)
                if diff:
                    row.updated_at = utcnow()
                    row.last_synced_at = utcnow()
                    s.flush()
                    self.catalog._log(s, "artwork", row.id, "update", source, diff, row.partner_id)
        except ArtdeskError as exc:
            s.refresh(row)
            return exc.message
        return None

    # ------------------------------------------------------------------ pull
    def pull(
        self, name: str, progress: ProgressFn | None = None, cancel: Cancel | None = None
    ) -> SyncReport:
        """Bring remote changes in: incremental by changelog when the remote has one and this
        desk pulled before, a full listing otherwise; an artsy remote is walked through its HAL
        links (``artdesk.services.sync_hal``). Field-level three-way merge per work."""

        def body(row: SyncRemoteRow, report: SyncReport) -> None:
            if row.kind == "artsy":
                with hal_client(self, row) as hal:
                    HalPull(self, row, hal, report, progress, cancel).run()
                return
            with self._client(row, row.uid) as client:
                partner_id = self._ensure_partner(row.id, client)
                self._pull(row, partner_id, client, report, progress, cancel)

        return self._run(name, "pull", body)

    def _newest_change(self, client: V1Client) -> str | None:
        try:
            _, total = client.changelog(None, 1, 1)
            if total == 0:
                return None
            changes, _ = client.changelog(None, total, 1)
        except RemoteUnsupported:
            return None
        return str(changes[-1].get("created_at")) if changes else None

    def _pull(
        self,
        row: SyncRemoteRow,
        partner_id: int,
        client: V1Client,
        report: SyncReport,
        progress: ProgressFn | None,
        cancel: Cancel | None,
    ) -> None:
        fields = fields_for(row.kind)
        cursor = row.pull_cursor
        with self.db.read() as s:
            base_by_remote = {
                r.remote_artwork_id: dict(r.base or {})
                for r in self._links(s, row.id).values()
                if r.remote_artwork_id and r.state != "merged"
            }
        full = True
        new_cursor: str | None = None
        ids: list[str] = []
        deleted: set[str] = set()
        if cursor:
            try:
                ids, deleted, new_cursor = self._changed_since(
                    client, cursor, base_by_remote, fields, cancel
                )
                full = len(ids) > CHANGELOG_GET_LIMIT
            except RemoteUnsupported:
                full = True
        if full:
            new_cursor = self._newest_change(client)
            items = self._list_all(client, progress, cancel)
            works = [RemoteWork(str(d["id"]), d) for d in items]
            incomplete = [w.id for w in works if any(f not in w.data for f in fields)]
            if incomplete:
                fetched = {w.id: w for w in self._fetch(client, incomplete, progress, cancel)[0]}
                works = [fetched.get(w.id, w) for w in works]
            seen = {w.id for w in works}
            gone = {rid for rid in base_by_remote if rid not in seen}
        else:
            works, missing = self._fetch(client, ids, progress, cancel)
            gone = deleted | set(missing)
        self._merge_all(row, partner_id, works, gone, fields, report, progress, cancel)
        if new_cursor:
            with self.db.write() as s:
                s.get(SyncRemoteRow, row.id).pull_cursor = new_cursor

    def _changed_since(
        self,
        client: V1Client,
        cursor: str,
        bases: dict[str, dict[str, Any]],
        fields: tuple[str, ...],
        cancel: Cancel | None,
    ) -> tuple[list[str], set[str], str]:
        """Remote artworks changed since ``cursor``, minus those whose every change is already
        in the base (this desk's own pushes), plus the ones deleted.

        The entries are read in their order: an artwork deleted and then written again under
        the same id (a remote that gives ids out again, as artdesk catalogs on SQLite did before
        migration 0003: a work re-created by another desk's "keep mine" could get exactly its
        old id) is alive, and only what was written after its last delete counts."""
        last: dict[str, dict[str, Any]] = {}
        order: list[str] = []
        deleted: set[str] = set()
        recreated: set[str] = set()  # fetched whatever their entries say: a new work's fields
        newest = cursor
        page = 1
        while True:
            if cancel is not None and cancel.is_set():
                raise SyncCancelled("sync cancelled")
            changes, total = client.changelog(cursor, page, PAGE_LIMIT)
            for c in changes:
                if c.get("created_at") and str(c["created_at"]) > newest:
                    newest = str(c["created_at"])
                if c.get("entity_type") != "artwork":
                    continue
                rid = str(c.get("entity_id"))
                if c.get("action") == "delete":
                    deleted.add(rid)
                    last.pop(rid, None)
                    continue
                if rid in deleted:
                    deleted.discard(rid)
                    recreated.add(rid)
                if rid not in last:
                    order.append(rid)
                    last[rid] = {}
                for name, change in (c.get("field_changes") or {}).items():
                    new = change.get("new") if isinstance(change, dict) else change
                    if name == "artists":
                        name, new = "artist_name", ", ".join(new or [])
                    if name in fields:
                        last[rid][name] = new
            if not changes or page * PAGE_LIMIT >= total:
                break
            page += 1
        ids = [
            rid
            for rid in dict.fromkeys(order)
            if rid in last
            and (
                rid in recreated
                or rid not in bases
                or any(not same(f, v, bases[rid].get(f)) for f, v in last[rid].items())
            )
        ]
        return ids, deleted, newest

    def _list_all(
        self, client: V1Client, progress: ProgressFn | None, cancel: Cancel | None
    ) -> list[dict[str, Any]]:
        first, total = client.list_artworks(1, PAGE_LIMIT)
        pages = max(1, -(-total // PAGE_LIMIT))
        results: dict[int, list[dict[str, Any]]] = {1: first}
        if progress:
            progress(SyncProgress("list", 1, pages))
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="artdesk-sync") as pool:
            futures = {
                pool.submit(client.list_artworks, p, PAGE_LIMIT): p for p in range(2, pages + 1)
            }
            for n, fut in enumerate(_as_completed(futures, cancel), start=2):
                results[futures[fut]] = fut.result()[0]
                if progress:
                    progress(SyncProgress("list", n, pages))
        seen: set[str] = set()
        out = []
        for p in sorted(results):
            for item in results[p]:
                rid = str(item.get("id"))
                if rid not in seen:
                    seen.add(rid)
                    out.append(item)
        # Works moved between pages while listing (new writes) are caught by the next pull's
        # changelog; a full listing never reports a work as gone unless it is really absent.
        return out

    def _fetch(
        self, client: V1Client, ids: list[str], progress: ProgressFn | None, cancel: Cancel | None
    ) -> tuple[list[RemoteWork], list[str]]:
        found: list[RemoteWork] = []
        missing: list[str] = []
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="artdesk-sync") as pool:
            futures = {pool.submit(client.get_artwork, rid): rid for rid in ids}
            for n, fut in enumerate(_as_completed(futures, cancel), start=1):
                try:
                    found.append(fut.result())
                except RemoteNotFound:
                    missing.append(futures[fut])
                if progress:
                    progress(SyncProgress("fetch", n, len(ids)))
        return found, missing

    def _merge_all(
        self,
        row: SyncRemoteRow,
        partner_id: int,
        works: list[RemoteWork],
        gone: set[str],
        fields: tuple[str, ...],
        report: SyncReport,
        progress: ProgressFn | None,
        cancel: Cancel | None,
    ) -> None:
        total = len(works) + len(gone)
        done = 0
        for chunk in _chunks(works, BATCH):
            if cancel is not None and cancel.is_set():
                raise SyncCancelled("sync cancelled")
            self._merge_batch(row, partner_id, chunk, fields, report)
            done += len(chunk)
            if progress:
                progress(SyncProgress("merge", done, total))
        if gone:
            self._merge_gone(row, gone, fields, report)
        if progress:
            progress(SyncProgress("merge", total, total))

    def _merge_batch(
        self,
        row: SyncRemoteRow,
        partner_id: int,
        works: list[RemoteWork],
        fields: tuple[str, ...],
        report: SyncReport,
    ) -> None:
        incoming = []
        for w in works:
            theirs = remote_fields(w.data, fields)
            etag = w.etag
            if not etag and "version" in w.data and str(w.data.get("id")) == w.id:
                etag = f'"{w.id}-{w.data["version"]}"'
            fp = str(w.data.get("source_fingerprint") or _wire_fingerprint(theirs))
            incoming.append(Incoming(w.id, partner_id, theirs, fp, etag))
        merge_batch(self, row, incoming, _V1Side(self, row, fields, report), report)

    def _create_local(
        self,
        s: Session,
        partner_id: int,
        theirs: dict[str, Any],
        source: str,
        report: SyncReport,
        known: KnownArtists | None = None,
    ) -> ArtworkRow | None:
        """A new local work from remote fields; None when refused.

        No savepoint of its own (each cost a flush and two statements per work, a sixth of a
        pull's time): every refusal (values, partner, inventory number already used) is raised
        before the first write, and a database error ends the whole batch's transaction.
        ``known``: the batch's artists looked up so far (see ``CatalogService._ensure_artists``).
        """
        try:
            clean, names = self.catalog._prepare(_to_catalog(theirs), create=True)
            row, _artists, _partner = self.catalog._insert_artwork_row(
                s, clean, names or [], partner_id, source, synced=True, known=known
            )
            return row
        except ArtdeskError as exc:
            report.add("failed")
            report.messages.append(f"remote work {theirs.get('title')!r} not taken: {exc.message}")
            return None

    def _merge_gone(
        self, row: SyncRemoteRow, gone: set[str], fields: tuple[str, ...], report: SyncReport
    ) -> None:
        source = f"sync:{row.name}"
        removed: set[int] = set()
        with self.db.write() as s:
            links = list(
                s.scalars(
                    select(SyncLinkRow).where(
                        SyncLinkRow.remote_id == row.id,
                        SyncLinkRow.remote_artwork_id.in_(list(gone)),
                    )
                )
            )
            for link in links:
                local_row = s.get(ArtworkRow, link.artwork_id)
                if local_row is None:
                    s.delete(link)
                    continue
                if link.state == "merged":
                    s.delete(link)
                    continue
                local = local_fields(
                    self.catalog._artworks_out(s, [local_row], detail=False)[0], fields
                )
                if local_changes(link.base, local, fields):
                    self._add_conflict(
                        s,
                        row.id,
                        link.artwork_id,
                        link.remote_artwork_id,
                        "deleted_remote",
                        None,
                        None,
                        local,
                        None,
                    )
                    report.add("conflicts")
                    report.messages.append(
                        f"work {link.artwork_id}: edited here, deleted on the remote"
                    )
                    continue
                self._delete_local(s, local_row, source)
                s.delete(link)
                removed.add(link.artwork_id)
                report.add("deleted")
        for aid in removed:
            self.catalog.notifier.emit(Changes.artworks({aid}, source, deleted=True))

    def _delete_local(self, s: Session, row: ArtworkRow, source: str) -> None:
        snapshot = {
            f: {"old": getattr(row, f), "new": None}
            for f in ARTWORK_EDIT_FIELDS
            if getattr(row, f) is not None
        }
        snapshot["artists"] = {"old": self.catalog._artist_names(s, row.id), "new": None}
        self.catalog._log(s, "artwork", row.id, "delete", source, snapshot, row.partner_id)
        s.delete(row)

    # ------------------------------------------------------------------ both ways
    def sync(
        self,
        name: str,
        decisions: Mapping[str, str] | None = None,
        progress: ProgressFn | None = None,
        cancel: Cancel | None = None,
    ) -> list[SyncReport]:
        """Pull, then push (an artsy remote is pulled only)."""
        reports = [self.pull(name, progress, cancel)]
        if self.get_remote(name).kind != "artsy":
            reports.append(self.push(name, decisions, progress, cancel))
        return reports

    # ------------------------------------------------------------------ conflicts
    def conflicts(
        self, name: str | None = None, *, include_resolved: bool = False
    ) -> list[Conflict]:
        with self.db.read() as s:
            q = select(SyncConflictRow, SyncRemoteRow.name).join(
                SyncRemoteRow, SyncRemoteRow.id == SyncConflictRow.remote_id
            )
            if name is not None:
                q = q.where(SyncRemoteRow.id == self._remote_row(s, name).id)
            if not include_resolved:
                q = q.where(SyncConflictRow.resolved_at.is_(None))
            rows = list(s.execute(q.order_by(SyncConflictRow.id)))
            titles = dict(
                s.execute(
                    select(ArtworkRow.id, ArtworkRow.title).where(
                        ArtworkRow.id.in_({c.artwork_id for c, _ in rows})
                    )
                ).all()
            )
            return [_conflict(c, remote, titles.get(c.artwork_id)) for c, remote in rows]

    def resolve_conflict(self, conflict_id: int, choice: str, value: Any = None) -> Conflict:
        """``mine`` keeps the local value (pushed next), ``theirs`` takes the remote's, ``edit``
        sets ``value``. For a work deleted on one side: mine keeps this desk's side (re-create
        remotely / delete remotely), theirs takes the remote's. For an ambiguous push: edit with
        a remote id links to that work, mine pushes it as a separate work, theirs links to the
        first candidate."""
        if choice not in CHOICES:
            raise ValidationError(f"choose one of {', '.join(CHOICES)}", field="choice")
        touched: set[int] = set()
        deleted: set[int] = set()
        with self.db.write() as s:
            c = s.get(SyncConflictRow, conflict_id)
            if c is None:
                raise NotFoundError(f"no conflict {conflict_id}")
            if c.resolved_at is not None:
                raise ValidationError(
                    f"conflict {conflict_id} was resolved already ({c.resolution})"
                )
            remote = s.get(SyncRemoteRow, c.remote_id)
            source = f"sync:{remote.name}"
            fields = fields_for(remote.kind)
            link = s.scalar(
                select(SyncLinkRow).where(
                    SyncLinkRow.remote_id == c.remote_id, SyncLinkRow.artwork_id == c.artwork_id
                )
            )
            if c.kind == "field":
                if link is None:
                    raise ValidationError(
                        "this work is no longer linked to the remote; the conflict is moot"
                    )
                base = dict(link.base or {})
                if choice in ("theirs", "edit"):
                    new = c.remote_value if choice == "theirs" else value
                    if choice == "edit" and value is None:
                        raise ValidationError("give the value to keep (--value)")
                    if remote.kind == "artsy":
                        refused = apply_hal_fields(s, self, c.artwork_id, {c.field: new}, source)
                        if refused is not None:
                            raise ValidationError(f"{c.field}: {refused}")
                    else:
                        self._apply_checked(s, c.artwork_id, {c.field: new}, source)
                    touched.add(c.artwork_id)
                base[c.field] = c.remote_value
                link.base = _jsonable(base)
            elif c.kind == "deleted_remote":
                if choice == "theirs":
                    row = s.get(ArtworkRow, c.artwork_id)
                    if row is not None:
                        self._delete_local(s, row, source)
                        deleted.add(c.artwork_id)
                if link is not None:
                    s.delete(link)  # mine: no link, so the next push creates it again
            elif c.kind == "deleted_local":
                theirs = dict(c.remote_value or {})
                if choice == "theirs":
                    if remote.kind == "artsy":
                        # Back into the partner the remote work belongs to (the conflict's base).
                        home = (c.base_value or {}).get("partner_id") or remote.partner_id
                        aid = create_local(s, self, theirs, home, source)
                    else:
                        clean, names = self.catalog._prepare(_to_catalog(theirs), create=True)
                        aid = self.catalog._insert_artwork(
                            s, clean, names or [], remote.partner_id, source
                        )
                    touched.add(aid)
                    if link is not None:
                        link.artwork_id = aid
                        link.base = _jsonable(theirs)
                        link.pushed_version = s.get(ArtworkRow, aid).version
                elif link is not None:
                    # Mine: the remote's edit is acknowledged; the next push deletes it there.
                    link.base = _jsonable({f: theirs.get(f) for f in fields if f in theirs})
                    link.remote_etag = None
            else:  # ambiguous
                candidates = [str(x) for x in (c.remote_value or [])]
                target = (
                    str(value)
                    if choice == "edit"
                    else (candidates[0] if choice == "theirs" and candidates else None)
                )
                if choice == "edit" and not value:
                    raise ValidationError("give the remote id to link to (--value)")
                if link is None:
                    link = SyncLinkRow(remote_id=c.remote_id, artwork_id=c.artwork_id, base={})
                    s.add(link)
                link.remote_artwork_id = target
                link.state = "separate" if target is None else "synced"
                link.base = {}
            c.resolved_at = utcnow()
            c.resolution = choice if choice != "edit" else "edit"
            if choice == "edit" and c.kind == "field":
                c.local_value = _jsonable(value)
            s.flush()
            title = s.scalar(select(ArtworkRow.title).where(ArtworkRow.id == c.artwork_id))
            out = _conflict(c, remote.name, title)
        if touched:
            self.catalog.notifier.emit(Changes.artworks(touched, "sync"))
        if deleted:
            self.catalog.notifier.emit(Changes.artworks(deleted, "sync", deleted=True))
        return out

    def _apply_checked(
        self, s: Session, artwork_id: int, changes: Mapping[str, Any], source: str
    ) -> None:
        row = s.get(ArtworkRow, artwork_id)
        if row is None:
            raise NotFoundError("the local work is gone")
        clean, names = self.catalog._prepare(_to_catalog(changes), create=False)
        diff = self.catalog._apply(s, row, clean, names, source)
        if diff:
            row.updated_at = utcnow()
            s.flush()
            self.catalog._log(s, "artwork", row.id, "update", source, diff, row.partner_id)


# ---------------------------------------------------------------------- helpers
class _V1Side:
    """``MergeSide`` of a v1 remote (Artland, artdesk): its wire fields."""

    tracks_push = True

    def __init__(
        self, svc: SyncService, row: SyncRemoteRow, fields: tuple[str, ...], report: SyncReport
    ) -> None:
        self.svc = svc
        self.fields = fields
        self.report = report
        self.source = f"sync:{row.name}"
        self._current: dict[int, Artwork] = {}
        self._known: dict[int, KnownArtists] = {}  # per partner, for this batch's transaction

    def prefetch(self, s: Session, rows: list[ArtworkRow]) -> None:
        self._current = {a.id: a for a in self.svc.catalog._artworks_out(s, rows, detail=False)}

    def local(self, s: Session, row: ArtworkRow) -> dict[str, Any]:
        work = (
            self._current.get(row.id) or self.svc.catalog._artworks_out(s, [row], detail=False)[0]
        )
        return local_fields(work, self.fields)

    def create(self, s: Session, w: Incoming) -> int | None:
        known = self._known.setdefault(w.partner_id, KnownArtists())
        created = self.svc._create_local(s, w.partner_id, w.fields, self.source, self.report, known)
        return None if created is None else created.id

    def apply(self, s: Session, artwork_id: int, changes: Mapping[str, Any]) -> str | None:
        row = s.get(ArtworkRow, artwork_id)
        if row is None:
            return "the local work is gone"
        return self.svc._apply_remote(s, row, changes, self.source)

    def gone_base(self, w: Incoming) -> Any:
        return None


def _bind(fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    return lambda: fn(*args)


@dataclass(frozen=True, slots=True)
class _Task:
    """A network task of a push and how many works it is for."""

    run: Callable[[], _Outcome | list[_Outcome]]
    works: int = 1


def _outcomes(result: _Outcome | list[_Outcome]) -> list[_Outcome]:
    return result if isinstance(result, list) else [result]


def _batch_size(creates: int, concurrency: int, most: int) -> int:
    """Works per POST /v1/artworks/batch: up to ``most`` (at most the route's maximum), and
    small enough that a small push still makes a few tasks per pool thread (progress and
    cancel in steps)."""
    return max(1, min(most, MAX_PUSH_BATCH, -(-creates // (concurrency * 4))))


def _as_completed(futures: Mapping[Future, Any], cancel: Cancel | None) -> Iterator[Future]:
    pending = set(futures)
    while pending:
        if cancel is not None and cancel.is_set():
            for f in pending:
                f.cancel()
            raise SyncCancelled("sync cancelled")
        done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
        yield from done


def _chunks(items: list[Any], n: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _local_work(a: Artwork, fields: tuple[str, ...]) -> LocalWork:
    return LocalWork(a.id, a.version, a.source_fingerprint, local_fields(a, fields))


def _wire_fingerprint(fields: Mapping[str, Any]) -> str:
    return source_fingerprint(
        fields.get("artist_name"), fields.get("title"), fields.get("creation_year")
    )


def _to_catalog(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Wire fields -> catalog fields (artist_name becomes the artists list)."""
    out = {k: v for k, v in changes.items() if k != "artist_name"}
    if "artist_name" in changes:
        name = changes["artist_name"]
        out["artists"] = [name] if name else []
    return out


def _partner_type(value: Any) -> str:
    kind = str(value or "gallery").strip().lower()
    allowed = {"gallery", "museum", "institution", "studio", "auction", "fair", "private"}
    return kind if kind in allowed else "gallery"


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _remote(r: SyncRemoteRow, linked: int = 0, open_conflicts: int = 0) -> Remote:
    return Remote(
        id=r.id,
        name=r.name,
        url=r.url,
        kind=r.kind,
        partner_id=r.partner_id,
        pull_cursor=r.pull_cursor,
        last_push_at=r.last_push_at,
        last_pull_at=r.last_pull_at,
        created_at=r.created_at,
        linked=linked,
        open_conflicts=open_conflicts,
    )


def _conflict(c: SyncConflictRow, remote: str, title: str | None) -> Conflict:
    return Conflict(
        id=c.id,
        remote=remote,
        artwork_id=c.artwork_id,
        remote_artwork_id=c.remote_artwork_id,
        kind=c.kind,
        field=c.field,
        base=c.base_value,
        mine=c.local_value,
        theirs=c.remote_value,
        title=title or f"(deleted work {c.artwork_id})",
        created_at=c.created_at,
        resolved_at=c.resolved_at,
        resolution=c.resolution,
    )


__all__ = [
    "CHOICES",
    "KINDS",
    "Conflict",
    "Remote",
    "SyncCancelled",
    "SyncPlan",
    "SyncProgress",
    "SyncReport",
    "SyncRun",
    "SyncService",
    "idempotency_key",
    "normalise",
]
