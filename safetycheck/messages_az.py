"""Azerbaijani (Latin script) interface strings. Keys and {placeholders} match messages.EN."""

AZ: dict[str, str] = {}
