"""The field-level three-way merge of sync (pure: no I/O, no database).

``base`` is what both sides agreed on at the last sync, ``local`` the desk's current values,
``remote`` the remote's. Per field:

- both sides equal: nothing to do;
- only the remote changed (local == base): the remote value is taken locally;
- only the desk changed (remote == base): the local value is kept and will be pushed;
- both changed to different values: a conflict. The local value stays until the registrar
  resolves it (mine, theirs, or an edited value); the base of that field is left as it was, so
  the field is neither pushed nor overwritten meanwhile.

Without a base (a work first met on both sides, e.g. linked by fingerprint) a side that has no
value defers to the other; two different values are a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from artdesk.sync.fields import same


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(slots=True)
class MergeResult:
    take_remote: dict[str, Any] = field(default_factory=dict)  # apply locally
    push_local: dict[str, Any] = field(default_factory=dict)  # send to the remote
    conflicts: list[FieldConflict] = field(default_factory=list)
    new_base: dict[str, Any] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.take_remote and not self.push_local and not self.conflicts


def three_way(
    base: Mapping[str, Any] | None,
    local: Mapping[str, Any],
    remote: Mapping[str, Any],
    fields: Iterable[str],
    *,
    held: Iterable[str] = (),
) -> MergeResult:
    """Merge one work. ``held`` are fields with an open conflict: they stay as they are."""
    held = set(held)
    out = MergeResult()
    for name in fields:
        if name not in remote:
            # The remote did not say (a partial answer): keep the base as it was.
            if base is not None and name in base:
                out.new_base[name] = base[name]
            continue
        mine = local.get(name)
        theirs = remote[name]
        has_base = base is not None and name in base
        old = base.get(name) if base is not None else None
        if name in held:
            if has_base:
                out.new_base[name] = old
            continue
        if same(name, mine, theirs):
            out.new_base[name] = theirs
        elif has_base and same(name, theirs, old):
            out.push_local[name] = mine
            out.new_base[name] = old
        elif (same(name, mine, old)) if has_base else mine is None:
            out.take_remote[name] = theirs
            out.new_base[name] = theirs
        elif not has_base and theirs is None:
            out.push_local[name] = mine
            out.new_base[name] = None
        else:
            out.conflicts.append(FieldConflict(name, old, mine, theirs))
            if has_base:
                out.new_base[name] = old
    return out


def local_changes(
    base: Mapping[str, Any] | None,
    local: Mapping[str, Any],
    fields: Iterable[str],
    *,
    held: Iterable[str] = (),
) -> dict[str, Any]:
    """The fields the desk changed since the base (what a push sends), minus held fields."""
    held = set(held)
    base = base or {}
    return {
        name: local.get(name)
        for name in fields
        if name not in held
        and not same(name, local.get(name), base.get(name))
        and (name in base or local.get(name) is not None)
    }
