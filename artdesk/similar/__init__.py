"""artdesk.similar."""
