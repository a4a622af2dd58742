"""Where the catalog lives and how the API server listens: one frozen object, built once."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "artdesk"
DEFAULT_API_HOST = "127.0.0.1"
DEFAULT_API_PORT = 8765
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def default_data_dir() -> Path:
    override = os.environ.get("ARTDESK_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    catalog_path: Path
    database_url: str | None = None
    api_host: str = DEFAULT_API_HOST
    api_port: int = DEFAULT_API_PORT
    allow_remote: bool = False

    @classmethod
    def from_env(
        cls,
        *,
        catalog: str | os.PathLike[str] | None = None,
        database_url: str | None = None,
    ) -> Settings:
        """Command-line values win over ARTDESK_CATALOG / ARTDESK_DATABASE_URL, then defaults."""
        data_dir = default_data_dir()
        catalog = catalog or os.environ.get("ARTDESK_CATALOG")
        database_url = database_url or os.environ.get("ARTDESK_DATABASE_URL") or None
        path = Path(catalog).expanduser() if catalog else data_dir / "catalog.sqlite"
        return cls(data_dir=data_dir, catalog_path=path.absolute(), database_url=database_url)

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.catalog_path}"

    @property
    def catalog_dir(self) -> Path:
        """Where files that belong to the catalog live (images, the similarity index)."""
        if self.database_url:
            return self.data_dir / "shared"
        return self.catalog_path.with_suffix("").with_name(self.catalog_path.stem + ".files")

    def with_api(self, host: str, port: int, allow_remote: bool = False) -> Settings:
        return replace(self, api_host=host, api_port=port, allow_remote=allow_remote)
