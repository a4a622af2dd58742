"""artdesk.api.routes."""
