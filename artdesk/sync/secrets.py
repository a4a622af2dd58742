"""Where remote credentials live: the system keyring when there is one, else a private file.

Never in the catalog database (a catalog is copied, backed up and shared; its secrets must not
travel with it). The file fallback is ``<data dir>/sync-secrets.json``, created with mode 0600
and rewritten atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path

SERVICE = "artdesk-sync"


def _usable_keyring():  # noqa: ANN202 - a keyring backend or None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - any import or backend failure means "no keyring"
        return None
    names = {type(backend).__module__, type(backend).__name__}
    if isinstance(backend, fail.Keyring) or any("null" in n.lower() for n in names):
        return None
    if getattr(backend, "priority", 1) <= 0:
        return None
    return backend


class SecretStore:
    """Secrets per remote ("token", "client_id", "client_secret"), keyed by a remote's uid."""

    def __init__(self, data_dir: Path, *, use_keyring: bool = True) -> None:
        self.path = Path(data_dir) / "sync-secrets.json"
        self._keyring = _usable_keyring() if use_keyring else None
        self._lock = threading.Lock()

    @property
    def where(self) -> str:
        if self._keyring is not None:
            return f"the system keyring ({type(self._keyring).__name__})"
        return str(self.path)

    def set(self, uid: str, secrets: dict[str, str]) -> None:
        secrets = {k: v for k, v in secrets.items() if v}
        if self._keyring is not None:
            self._keyring.set_password(SERVICE, uid, json.dumps(secrets))
            return
        with self._lock:
            data = self._read()
            data[uid] = secrets
            self._write(data)

    def get(self, uid: str) -> dict[str, str]:
        if self._keyring is not None:
            raw = self._keyring.get_password(SERVICE, uid)
            return json.loads(raw) if raw else {}
        with self._lock:
            return dict(self._read().get(uid) or {})

    def delete(self, uid: str) -> None:
        if self._keyring is not None:
            with contextlib.suppress(Exception):  # nothing stored is fine
                self._keyring.delete_password(SERVICE, uid)
            return
        with self._lock:
            data = self._read()
            if data.pop(uid, None) is not None:
                self._write(data)

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
