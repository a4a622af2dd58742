"""artdesk.core."""
