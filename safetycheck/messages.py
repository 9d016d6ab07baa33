"""Every interface string, in every language. Content texts live in the YAML; these are the
words around them. `strings(lang)` is the one way to get them."""

from __future__ import annotations

from functools import cache

EN: dict[str, str] = {
    "app_help": "Check how exposed you are (devices, accounts, communications, travel, family, online) and get a prioritised plan. Offline and private: nothing leaves this computer, nothing is saved unless you ask.",
    "report_title": "Your safety check",
    "summary": "Summary",
    "module": "Area",
    "score": "Score",
    "band": "Level",
    "not_assessed": "not assessed",
    "score_note": "Scores show how exposed you still are (0 = well protected, 100 = wide open), weighted by the threats you face.",
    "threat_profile": "What you face",
    "threat": "Threat",
    "likelihood": "Likelihood",
    "because": "because",
    "baseline": "starting level for anyone doing civic work",
    "plan": "Your plan",
    "bucket_today": "Do today",
    "bucket_week": "This week",
    "bucket_later": "When you can",
    "urgent_banner": "Act today: some of your answers need action now, whatever your score.",
    "urgent": "urgent",
    "effort": "Effort",
    "effort_minutes": "minutes",
    "effort_hour": "about an hour",
    "effort_day": "a day",
    "why": "Why",
    "triggered_by": "Because you answered",
    "steps": "Steps",
    "platform_general": "Everyone",
    "platform_android": "Android",
    "platform_ios": "iPhone (iOS)",
    "platform_windows": "Windows",
    "platform_macos": "Mac (macOS)",
    "platform_linux": "Linux",
    "tradeoff": "Trade-off",
    "resources": "Learn more",
    "reviewed": "reviewed",
    "details": "Details",
    "explain": "Why this score",
    "explain_question": "Question",
    "explain_answer": "Your answer",
    "explain_risk": "Risk",
    "explain_weight": "Weight",
    "explain_points": "Adds",
    "explain_could_drop": "Could drop by",
    "explain_note": "Each answer adds points in proportion to its risk (0-10) times the weight of the threat it guards against. Moving an answer to the safest option lowers the score by the last column.",
    "unanswered": "Not answered (not counted)",
    "no_plan": "Nothing to do from these answers. Keep your habits and check again in a few months.",
    "help_title": "Where to get help",
    "checked": "checked",
    "stale_warning": "Some of this advice was last reviewed more than a year ago and may be out of date: {items}",
    "content_version": "Content version",
    "date": "Date",
    "pick_one": "Choose one:",
    "pick_several": "Choose all that apply:",
    "option_yes": "Yes",
    "option_no": "No",
    "option_not_sure": "Not sure",
    "skip": "Skip this question",
    "back": "Go back",
    "progress": "{n}/{total} · {module}",
    "choose_modules": "Which areas do you want to check? (the context questions come first)",
    "template_intro": "safetycheck answers file. Fill in an option id after each question, or leave it blank.",
    "template_how": "Then run: safetycheck check --answers THIS_FILE",
    "template_conditional": "(Only asked when an earlier answer makes it relevant; leave blank otherwise.)",
    "stopped": "Stopped. Nothing was saved.",
    "no_terminal": "no terminal to ask questions on: use --answers FILE (see 'safetycheck template')",
    "warning_plaintext": "Warning: {path} is not encrypted and reveals your risks. Delete it when you no longer need it.",
    "written": "Written: {path}",
    "saved": "Saved, encrypted: {path}. Keep the passphrase somewhere other than this computer.",
    "compare_title": "Your progress",
    "compare_from_to": "From {old} to {new}",
    "change": "Change",
    "done_actions": "Done since last time",
    "new_risks": "New since last time",
    "still_to_do": "Still to do",
    "dropped_answers": "Answers to questions that no longer exist (not counted): {items}",
    "nothing_changed": "Nothing changed.",
    "saved_on": "Saved on {date}",
    "valid": "Content is valid: {modules} modules, {questions} questions, {items} guidance items.",
    "warnings_count": "{count} warnings",
    "questions": "Questions",
    "coverage": "Translated",
    "languages": "Languages",
    "guidance_library": "Guidance",
    "id": "Id",
    "title": "Title",
    "about_title": "About safetycheck",
    "privacy_promise": (
        "No network, ever: safetycheck never connects to the internet, has no telemetry and no update checks.\n"
        "Nothing is written to disk unless you ask: answers stay in memory and are gone when it ends.\n"
        "What you save with --save is encrypted with your passphrase.\n"
        "Plain-text reports (--output) are written only when you ask, and a warning says so."
    ),
    "privacy_limits": (
        "What it cannot promise: Python cannot wipe memory, and your terminal keeps what was shown in its scrollback. "
        "Close the terminal window when you finish (or use --clear), and on a shared computer use a private session."
    ),
    "version": "Version",
    "content_reviewed": "Content reviewed",
}

LANGUAGE_TABLES: dict[str, dict[str, str]] = {"en": EN, "az": {}, "ru": {}}


@cache
def strings(lang: str) -> dict[str, str]:
    """The interface strings in `lang`, English where a string is not translated yet."""
    return {**EN, **LANGUAGE_TABLES.get(lang, {})}
