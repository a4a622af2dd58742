"""artdesk: a desktop catalog manager for gallery registrars."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("artdesk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"
