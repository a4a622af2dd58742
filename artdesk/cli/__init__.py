"""artdesk.cli."""
