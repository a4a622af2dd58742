"""artdesk.db."""
