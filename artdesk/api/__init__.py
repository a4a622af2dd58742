"""artdesk.api."""
