"""Every action of the dashboard, defined once: its key, its name and what it does.

The same definition gives the key binding, the footer, the help screen and the command palette,
so they never disagree. A screen lists the commands it offers by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Command:
    action: str  # the action method, without its "action_" prefix
    keys: str  # Textual key names, comma separated: the first is the one shown
    title: str  # short, for the footer and the palette
    help: str  # one line, for the help screen and the palette
    footer: bool = True
    priority: bool = False  # taken before a focused widget (an input) sees the key

    @property
    def shown_key(self) -> str:
        return key_name(self.keys.split(",")[0])

    @property
    def shown_keys(self) -> str:
        return " ".join(key_name(key) for key in self.keys.split(","))

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.title,
            show=self.footer,
            key_display=self.shown_key,
            priority=self.priority,
            id=self.action,
        )


_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "enter": "⏎",
              "left_square_bracket": "[", "right_square_bracket": "]"}  # fmt: skip


def key_name(key: str) -> str:
    """A key as the user reads it: "?" rather than "question_mark"."""
    return _KEY_NAMES.get(key, key)


COMMANDS = {
    command.action: command
    for command in (
        Command("focus_pane('timeline')", "1,t", "Timeline", "Go to the timeline of events"),
        Command("focus_pane('people')", "2,p", "People", "Go to the people named"),
        Command(
            "focus_pane('organisations')",
            "3,o",
            "Organisations",
            "Go to the organisations named: companies, agencies, parties",
        ),
        Command("focus_pane('venues')", "4,v", "Venues", "Go to the places named"),
        Command("focus_pane('search')", "5,slash", "Search", "Search the articles"),
        Command("clear_filters", "x", "Clear filters", "Show every event again"),
        Command("back", "escape", "Back", "Go back one step"),
        Command("find", "slash", "Find", "Find words in this article"),
        Command("find_next", "n", "Next", "The next place the words are found"),
        Command("find_previous", "N", "Previous", "The previous place the words are found"),
        Command(
            "next_mention",
            "right_square_bracket,tab",
            "Next mention",
            "Move to the next event, person, organisation or venue named in the article",
        ),
        Command(
            "previous_mention",
            "left_square_bracket,shift+tab",
            "Previous mention",
            "Move to the previous event, person, organisation or venue named in the article",
        ),
        Command("open_mention", "enter", "Open", "Open what is marked: an event, its sources"),
        Command("bookmark", "b", "Bookmark", "Bookmark the event, or take its bookmark away"),
        Command("edit_note", "e", "Note", "Write or change the note of a bookmarked event"),
        Command("bookmarks", "B", "Bookmarks", "The bookmarked events, in date order"),
        Command(
            "export_bookmarks",
            "w",
            "Write out",
            "Write the bookmarks to a file: md, ics, csv, json",
        ),
        Command("remove_bookmark", "delete,d", "Remove", "Take this bookmark away"),
        Command("help", "question_mark,f1", "Help", "Show every key"),
        Command(
            "command_palette",
            "ctrl+p",
            "Commands",
            "Find a command, event, person, organisation or venue",
            footer=False,
        ),
        Command("quit", "q,ctrl+q", "Quit", "Leave briefing"),
    )
}


def bindings(*actions: str) -> list[BindingType]:
    """The key bindings of the named commands, for a screen's BINDINGS."""
    return [COMMANDS[action].binding() for action in actions]
