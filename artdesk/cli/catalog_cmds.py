"""`artdesk fingerprint`, `artdesk partners ...`, `artdesk db ...`."""

from __future__ import annotations

import argparse
import json

from artdesk.core.errors import ArtdeskError, ValidationError
from artdesk.core.fingerprint import fingerprint_parts
from artdesk.core.models import PartnerType


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "fingerprint",
        help="print a work's source fingerprint",
        description="Print the artist slug, title slug and year, then the SHA-256 hex digest of "
        "'artist|title|year', one per line (digest last).",
    )
    p.add_argument("artist", help="the artists' display string as entered")
    p.add_argument("title")
    p.add_argument("year", nargs="?", help="the creation year (omit when unknown)")
    p.set_defaults(func=cmd_fingerprint)

    partners = sub.add_parser("partners", help="the galleries, museums and studios in the catalog")
    psub = partners.add_subparsers(dest="partners_command", metavar="ACTION", required=True)
    c = psub.add_parser("create", help="add a partner")
    c.add_argument("name")
    c.add_argument("--slug", help="the partner's slug (default: from the name)")
    c.add_argument("--type", default="gallery", choices=[t.value for t in PartnerType])
    c.add_argument("--email")
    c.add_argument("--region")
    c.add_argument("--website")
    c.set_defaults(func=cmd_partners_create)
    ls = psub.add_parser("list", help="list partners")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_partners_list)

    db = sub.add_parser("db", help="catalog maintenance: upgrade, backup, check")
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    u = dsub.add_parser(
        "upgrade", help="bring the catalog to the newest schema (a backup is made first)"
    )
    u.set_defaults(func=cmd_db_upgrade)
    b = dsub.add_parser("backup", help="copy the SQLite catalog next to itself")
    b.set_defaults(func=cmd_db_backup)
    ck = dsub.add_parser("check", help="check the catalog's integrity and schema")
    ck.set_defaults(func=cmd_db_check)


def cmd_fingerprint(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    year = None
    if args.year not in (None, ""):
        try:
            year = int(args.year)
        except ValueError:
            raise ValidationError(f"year must be a whole number, not {args.year!r}") from None
    fp = fingerprint_parts(args.artist, args.title, year)
    print(fp.artist_slug)
    print(fp.title_slug)
    print(fp.year)
    print(fp.digest)
    return 0


def cmd_partners_create(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    svc = ctx.services()
    fields = {k: getattr(args, k) for k in ("email", "region", "website") if getattr(args, k)}
    p = svc.catalog.create_partner(
        args.name, slug_=args.slug, type=args.type, source="cli", **fields
    )
    print(f"created partner {p.slug} (id {p.id})")
    return 0


def cmd_partners_list(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    partners = ctx.services().catalog.list_partners()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": p.id,
                        "slug": p.slug,
                        "name": p.name,
                        "type": p.type,
                        "active": p.active,
                        "email": p.email,
                        "region": p.region,
                        "website": p.website,
                    }
                    for p in partners
                ],
                indent=2,
            )
        )
        return 0
    if not partners:
        print("no partners yet: add one with `artdesk partners create NAME`")
    for p in partners:
        print(f"{p.id:>5}  {p.slug:<30} {p.type:<12} {p.name}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    from artdesk.db import migrate
    from artdesk.db.engine import Database

    db = Database(ctx.settings.url)
    try:
        before = migrate.current_revision(db)
        backup = migrate.upgrade(db)
        after = migrate.current_revision(db)
    finally:
        db.dispose()
    if before == after:
        print(f"the catalog is at the newest schema ({after})")
    else:
        print(
            f"upgraded {before or 'a new catalog'} -> {after}"
            + (f"; backup at {backup}" if backup else "")
        )
    return 0


def cmd_db_backup(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    from artdesk.db import migrate

    svc = ctx.services()
    print(migrate.backup(svc.db))
    return 0


def cmd_db_check(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    from artdesk.db import migrate

    svc = ctx.services(upgrade=False)
    problems = migrate.integrity_check(svc.db)
    if problems:
        for p in problems:
            print(p)
        raise ArtdeskError(f"{len(problems)} problem(s) found in {svc.db.display}")
    stats = svc.catalog.stats()
    print(f"ok: {svc.db.display} ({', '.join(f'{v} {k}' for k, v in stats.items())})")
    return 0
