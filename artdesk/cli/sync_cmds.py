"""`artdesk remotes add|list|remove`, `artdesk sync NAME`, `artdesk conflicts [list|resolve]`.

Progress goes to stderr with counts and an ETA on a terminal (rich); the first Ctrl-C cancels
the sync cleanly (what was done stays done, the next run continues), a second one interrupts.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any

from artdesk.core.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    remotes = sub.add_parser("remotes", help="remote catalogs to sync with (add, list, remove)")
    rsub = remotes.add_subparsers(dest="remotes_command", metavar="ACTION", required=True)
    add = rsub.add_parser(
        "add",
        help="add a remote catalog",
        description="Secrets are kept in the system keyring when there is one, otherwise in a "
        "file only you can read in the data folder; never in the catalog.",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("url", metavar="URL", help="the remote's base URL, e.g. http://127.0.0.1:8765")
    add.add_argument("--kind", required=True, choices=("artland", "artdesk", "artsy"))
    add.add_argument("--token", help="the API key (artland, artdesk)")
    add.add_argument("--client-id", help="the application id (artsy)")
    add.add_argument("--client-secret", help="the application secret (artsy)")
    add.add_argument("--partner", metavar="SLUG", help="the local partner whose works sync with it")
    add.set_defaults(func=run_remotes_add)
    listing = rsub.add_parser("list", help="list remotes")
    listing.set_defaults(func=run_remotes_list)
    remove = rsub.add_parser("remove", help="forget a remote (and its stored secret)")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=run_remotes_remove)

    sync = sub.add_parser(
        "sync",
        help="sync with a remote: pull, then push",
        description="Pull remote changes (field-level three-way merge; the same field changed "
        "on both sides becomes a conflict), then push local ones. Works sharing a fingerprint "
        "are never merged on the remote without a decision.",
    )
    sync.add_argument("name", metavar="NAME")
    way = sync.add_mutually_exclusive_group()
    way.add_argument("--push", action="store_true", help="push only")
    way.add_argument("--pull", action="store_true", help="pull only")
    sync.add_argument("--plan", action="store_true", help="show what a push would do, and stop")
    sync.add_argument("--yes", action="store_true", help="do not ask; groups get --groups")
    sync.add_argument(
        "--groups",
        choices=("skip", "one", "each"),
        default=None,
        help="for works sharing a fingerprint without asking: skip them (default), push each "
        "group as one work, or push each work separately",
    )
    sync.set_defaults(func=run_sync)

    conflicts = sub.add_parser("conflicts", help="list and resolve sync conflicts")
    csub = conflicts.add_subparsers(dest="conflicts_command", metavar="ACTION")
    clist = csub.add_parser("list", help="list open conflicts")
    clist.add_argument("--remote", metavar="NAME")
    clist.add_argument("--all", action="store_true", help="include resolved ones")
    clist.set_defaults(func=run_conflicts_list)
    resolve = csub.add_parser("resolve", help="resolve one conflict")
    resolve.add_argument("id", type=int, metavar="ID")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--mine", action="store_true", help="keep this desk's value")
    choice.add_argument("--theirs", action="store_true", help="take the remote's value")
    choice.add_argument("--value", metavar="V", help="set this value (JSON or text)")
    resolve.set_defaults(func=run_conflicts_resolve)
    conflicts.set_defaults(func=run_conflicts_list, remote=None, all=False)


# ---------------------------------------------------------------------- remotes
def run_remotes_add(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    services = ctx.services()
    partner_id = None
    if args.partner:
        partner_id = services.catalog.get_partner_by_slug(args.partner).id
    remote = services.sync.add_remote(
        args.name,
        args.url,
        args.kind,
        token=args.token,
        client_id=args.client_id,
        client_secret=args.client_secret,
        partner_id=partner_id,
    )
    print(f"added remote {remote.name} ({remote.kind}) {remote.url}")
    print(f"secret stored in {services.sync.where_secrets()}")
    return 0


def run_remotes_list(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    remotes = ctx.services().sync.list_remotes()
    if not remotes:
        print("no remotes; add one with `artdesk remotes add NAME URL --kind ...`")
        return 0
    for r in remotes:
        last = max((t for t in (r.last_pull_at, r.last_push_at) if t), default=None)
        when = last.strftime("%Y-%m-%d %H:%M") if last else "never synced"
        print(
            f"{r.name}\t{r.kind}\t{r.url}\t{r.linked} linked\t{r.open_conflicts} conflicts\t{when}"
        )
    return 0


def run_remotes_remove(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    ctx.services().sync.remove_remote(args.name)
    print(f"removed remote {args.name}")
    return 0


# ---------------------------------------------------------------------- sync
class _Progress:
    """rich progress bars on a terminal, nothing otherwise."""

    LABELS = {"push": "pushing", "list": "listing", "fetch": "fetching", "merge": "merging"}

    def __init__(self) -> None:
        self.bar = None
        self.tasks: dict[str, Any] = {}
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, p) -> None:  # noqa: ANN001 - SyncProgress
        if self.bar is None:
            return
        task = self.tasks.get(p.phase)
        if task is None:
            task = self.bar.add_task(self.LABELS.get(p.phase, p.phase), total=p.total)
            self.tasks[p.phase] = task
        self.bar.update(task, completed=p.done, total=p.total)


def _ask_groups(plan, default: str | None, interactive: bool) -> dict[str, str]:  # noqa: ANN001
    decisions: dict[str, str] = {}
    for group in plan.groups:
        if not interactive:
            decisions[group.fingerprint] = default or "skip"
            continue
        print(group.describe())
        for m in group.members:
            where = f"remote {m.remote_artwork_id}" if m.remote_artwork_id else "new"
            print(f"    #{m.artwork_id} {m.title} ({where})")
        while True:
            answer = (
                input("  push as [o]ne work, [e]ach separately, or [s]kip? [s] ").strip().lower()
            )
            choice = {"": "skip", "s": "skip", "o": "one", "e": "each"}.get(answer[:1])
            if choice:
                decisions[group.fingerprint] = choice
                break
    return decisions


def run_sync(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    sync = ctx.services().sync
    remote = sync.get_remote(args.name)
    plan = sync.plan(args.name) if remote.kind != "artsy" else None
    if args.plan:
        if plan is None:
            print(f"{remote.name} is an artsy remote: pull only, nothing to push")
            return 0
        print(plan.summary())
        for g in plan.groups:
            print(f"  group {g.fingerprint[:12]}: {g.describe()}")
            for m in g.members:
                where = f"remote {m.remote_artwork_id}" if m.remote_artwork_id else "new"
                print(f"    #{m.artwork_id} {m.title} ({where})")
        return 0
    interactive = sys.stdin.isatty() and not args.yes
    decisions: dict[str, str] = {}
    if plan is not None and not args.pull:
        if plan.groups:
            decisions = _ask_groups(plan, args.groups, interactive and args.groups is None)
        if interactive and not plan.push.empty:
            print(plan.summary())
            if input("go ahead? [Y/n] ").strip().lower() not in ("", "y", "yes"):
                print("nothing done")
                return 0
    cancel = threading.Event()
    previous = None

    def on_sigint(_signum: int, _frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print(
            "\ncancelling after the requests in flight (Ctrl-C again to stop now)", file=sys.stderr
        )

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        with _Progress() as progress:
            if args.push:
                reports = [sync.push(args.name, decisions, progress, cancel)]
            elif args.pull:
                reports = [sync.pull(args.name, progress, cancel)]
            else:
                reports = sync.sync(args.name, decisions, progress, cancel)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    status = 0
    for report in reports:
        print(f"{report.summary()} in {report.seconds:.1f} s")
        for message in report.messages[:20]:
            print(f"  {message}")
        if len(report.messages) > 20:
            print(f"  ... {len(report.messages) - 20} more in `artdesk sync` log")
        if report.status == "cancelled":
            status = 130
    open_conflicts = sync.conflicts(args.name)
    if open_conflicts:
        print(f"{len(open_conflicts)} open conflict(s): see `artdesk conflicts`")
    return status


# ---------------------------------------------------------------------- conflicts
def run_conflicts_list(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    rows = ctx.services().sync.conflicts(args.remote, include_resolved=args.all)
    if not rows:
        print("no open conflicts")
        return 0
    for c in rows:
        state = f" [resolved: {c.resolution}]" if c.resolved_at else ""
        print(f"{c.id}\t{c.remote}\t#{c.artwork_id} {c.title}\t{c.describe()}{state}")
    return 0


def _parse_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def run_conflicts_resolve(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    sync = ctx.services().sync
    if args.mine:
        choice, value = "mine", None
    elif args.theirs:
        choice, value = "theirs", None
    else:
        choice, value = "edit", _parse_value(args.value)
        if value is None:
            raise ValidationError("--value needs a value")
    c = sync.resolve_conflict(args.id, choice, value)
    print(f"resolved conflict {c.id} ({c.resolution}); the next sync sends the result")
    return 0
