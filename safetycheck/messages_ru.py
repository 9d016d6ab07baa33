"""Russian interface strings. Keys and {placeholders} match messages.EN."""

RU: dict[str, str] = {}
