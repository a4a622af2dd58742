"""`artdesk serve` (the API in the foreground) and `artdesk keys create|list|revoke`."""

from __future__ import annotations

import argparse

from artdesk.core.errors import ValidationError
from artdesk.services.keys import SCOPES


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser(
        "serve",
        help="run the API server (Artland-style /v1) until Ctrl+C",
        description="Serve the catalog's API. Prints one line 'listening on http://HOST:PORT' "
        "when ready; stops cleanly on SIGINT/SIGTERM, finishing requests in flight.",
    )
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, help="port to listen on (default 8765; 0 picks a free port)"
    )
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow an address other machines can reach (e.g. 0.0.0.0)",
    )
    serve.set_defaults(func=run_serve)

    keys = sub.add_parser("keys", help="create, list and revoke API keys")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    create = keys_sub.add_parser(
        "create",
        help="create a key for a partner; prints the key once, as the last line",
        description=f"Scopes: {', '.join(SCOPES)}.",
    )
    create.add_argument("--partner", required=True, metavar="SLUG", help="the partner's slug")
    create.add_argument(
        "--scope",
        action="append",
        required=True,
        metavar="SCOPE",
        help="a scope the key grants (repeat for several)",
    )
    create.add_argument("--label", help="a note to recognise the key by")
    create.add_argument(
        "--rate-limit", type=int, metavar="N", help="requests per minute (default by tier)"
    )
    create.set_defaults(func=run_keys_create)
    listing = keys_sub.add_parser("list", help="list keys (prefixes only)")
    listing.add_argument("--partner", metavar="SLUG", help="only this partner's keys")
    listing.add_argument("--active", action="store_true", help="hide revoked keys")
    listing.set_defaults(func=run_keys_list)
    revoke = keys_sub.add_parser("revoke", help="revoke the key with this prefix")
    revoke.add_argument("prefix", metavar="PREFIX", help="the key's prefix as `keys list` shows it")
    revoke.set_defaults(func=run_keys_revoke)


def run_serve(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001 - cli.main.Context
    from artdesk.api.server import check_host, serve_foreground

    host = args.host or ctx.settings.api_host
    port = ctx.settings.api_port if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise ValidationError(f"--port must be from 0 to 65535, not {port}")
    check_host(host, args.allow_remote)
    return serve_foreground(ctx.services(), host, port, allow_remote=args.allow_remote)


def run_keys_create(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    services = ctx.services()
    partner = services.catalog.get_partner_by_slug(args.partner)
    new = services.keys.create(
        partner.id, args.scope, label=args.label, rate_limit_per_minute=args.rate_limit
    )
    key = new.key
    print(f"partner: {partner.name} ({partner.slug})")
    print(f"scopes: {' '.join(key.scopes)}")
    print(f"rate limit: {key.rate_limit_per_minute} requests/minute")
    print(f"prefix: {key.prefix}")
    print(f"HAL /api client_id: {key.prefix} (client_secret: the key itself, below)")
    print("the key is shown only now; store it safely:")
    print(new.secret)
    return 0


def _when(value) -> str:  # noqa: ANN001 - datetime | None
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def run_keys_list(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    services = ctx.services()
    partner_id = services.catalog.get_partner_by_slug(args.partner).id if args.partner else None
    keys = services.keys.list(partner_id, include_revoked=not args.active)
    if not keys:
        print("no API keys")
        return 0
    rows = [("PREFIX", "PARTNER", "SCOPES", "LIMIT/MIN", "LABEL", "CREATED", "LAST USED", "STATUS")]
    for k in keys:
        rows.append(
            (
                k.prefix,
                k.partner_slug,
                ",".join(k.scopes),
                str(k.rate_limit_per_minute),
                k.label or "-",
                _when(k.created_at),
                _when(k.last_used_at),
                "active" if k.active else f"revoked {_when(k.revoked_at)}",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    return 0


def run_keys_revoke(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    key = ctx.services().keys.revoke(args.prefix)
    print(f"revoked {key.prefix} ({key.partner_slug})")
    return 0
