"""artdesk.imaging."""
