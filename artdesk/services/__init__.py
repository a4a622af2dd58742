"""artdesk.services."""
