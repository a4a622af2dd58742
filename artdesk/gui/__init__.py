"""artdesk.gui."""
