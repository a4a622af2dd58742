"""artdesk.sync."""
