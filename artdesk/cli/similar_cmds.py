"""`artdesk similar ID` and `artdesk duplicates`."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("similar", help="the works most similar to one artwork, with the reasons")
    p.add_argument("id", type=int, help="the artwork's id")
    p.add_argument("-k", type=int, default=10, help="how many (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_similar)
    d = sub.add_parser("duplicates", help="groups of works that are probably the same object")
    d.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="the weakest link a group may have, 0..1 (default: the finder's calibrated threshold)",
    )
    d.add_argument("--json", action="store_true", help="print JSON")
    d.set_defaults(func=cmd_duplicates)


def _ready(ctx):  # noqa: ANN001, ANN202
    svc = ctx.services()
    svc.similar.ensure_index(background=False)
    return svc


def cmd_similar(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    svc = _ready(ctx)
    svc.catalog.get_artwork(args.id)  # a clear "not found" before any work
    neighbours = svc.similar.similar(args.id, k=max(1, args.k))
    works = {a.id: a for a in svc.catalog.get_artworks([n.id for n in neighbours])}
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": n.id,
                        "score": round(n.score, 4),
                        "reasons": list(n.reasons),
                        "title": works[n.id].title if n.id in works else None,
                        "artist_name": works[n.id].artist_name if n.id in works else None,
                    }
                    for n in neighbours
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for n in neighbours:
        w = works.get(n.id)
        label = f"{w.artist_name}: {w.title}" if w else ""
        print(f"{n.id:>8}  {n.score:.3f}  {label}")
        for reason in n.reasons:
            print(f"{'':>18}{reason}")
    return 0


def cmd_duplicates(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    svc = _ready(ctx)
    from artdesk.services.similar import DUPLICATE_THRESHOLD

    min_score = DUPLICATE_THRESHOLD if args.min_score is None else args.min_score
    groups = svc.similar.duplicate_groups(min_score=min_score)
    if args.json:
        print(
            json.dumps([{"ids": list(g.ids), "score": round(g.score, 4)} for g in groups], indent=2)
        )
        return 0
    if not groups:
        print("no likely duplicates")
    for g in groups:
        works = svc.catalog.get_artworks(list(g.ids))
        print(
            f"score {g.score:.3f}: "
            + "; ".join(f"#{w.id} {w.artist_name}: {w.title}" for w in works)
        )
    return 0
