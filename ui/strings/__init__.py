"""Interface strings per area; see ui/i18n.py."""
