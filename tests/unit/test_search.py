"""Find and replace over plain text (app/ui/editor/search.py): what the find bar finds and what it writes."""

from __future__ import annotations

import pytest

from app.ui.editor.search import Match, Query, SearchError, find_all, next_match, replacement_for


def spans(text: str, query: Query) -> list[str]:
    return [text[m.start : m.end] for m in find_all(text, query)]


def test_a_literal_search_treats_regex_characters_as_text() -> None:
    text = "a.b axb a.b (a.b)"
    assert find_all(text, Query("a.b")) == [Match(0, 3), Match(8, 11), Match(13, 16)]
    assert spans("cost: $5 (or $6)?", Query("$5 (or")) == ["$5 (or"]
    assert find_all("x", Query("(")) == []  # no error: "(" is just a character here


def test_a_regex_search_uses_the_pattern() -> None:
    text = "a.b axb a-b"
    assert spans(text, Query("a.b", regex=True)) == ["a.b", "axb", "a-b"]
    assert spans("2024-01-05 and 1999-12-31", Query(r"\d{4}-\d\d-\d\d", regex=True)) == ["2024-01-05", "1999-12-31"]


def test_case_is_ignored_unless_asked_for() -> None:
    text = "Cat cat CAT cAt"
    assert len(find_all(text, Query("cat"))) == 4
    assert spans(text, Query("cat", case_sensitive=True)) == ["cat"]
    assert find_all(text, Query("Cat", case_sensitive=True)) == [Match(0, 3)]
    assert len(find_all("Ärger ärger", Query("ärger"))) == 2  # case folding beyond ASCII


def test_whole_word_skips_matches_inside_longer_words() -> None:
    text = "cat concatenate cats cat. (cat)"
    assert find_all(text, Query("cat", whole_word=True)) == [Match(0, 3), Match(21, 24), Match(27, 30)]
    assert len(find_all(text, Query("cat"))) == 5


def test_whole_word_applies_to_every_alternative_of_a_regex() -> None:
    text = "dogs dog catdog cat hotdog"
    assert spans(text, Query("cat|dog", regex=True, whole_word=True)) == ["dog", "cat"]
    assert find_all(text, Query("cat|dog", regex=True, whole_word=True)) == [Match(5, 8), Match(16, 19)]


def test_whole_word_knows_letters_beyond_ascii() -> None:
    assert spans("café cafés écafé café", Query("café", whole_word=True)) == ["café", "café"]
    assert find_all("naïve naïveté", Query("naïve", whole_word=True)) == [Match(0, 5)]


def test_an_invalid_regex_is_explained_in_plain_words() -> None:
    with pytest.raises(SearchError) as error:
        find_all("some text (", Query("(unclosed", regex=True))
    message = str(error.value)
    assert message.startswith("The regular expression is not valid:")
    assert "position" in message
    assert "Traceback" not in message and "re.error" not in message
    with pytest.raises(SearchError):
        Query("[a-", regex=True).compile()
    with pytest.raises(SearchError):
        next_match("text", Query("*oops", regex=True), 0)


def test_an_empty_pattern_finds_nothing() -> None:
    assert find_all("anything at all", Query("")) == []
    assert find_all("anything", Query("", regex=True)) == []
    assert next_match("anything", Query(""), 0) is None


def test_zero_length_matches_are_skipped() -> None:
    assert find_all("one\ntwo", Query("^", regex=True)) == []
    assert find_all("abc", Query(r"\b", regex=True)) == []
    # "x*" matches the empty string everywhere; only the real run of x's is a match the user can select.
    assert find_all("axxbx", Query("x*", regex=True)) == [Match(1, 3), Match(4, 5)]
    assert find_all("abc", Query("(?=b)", regex=True)) == []


def test_next_finds_the_match_after_the_cursor_and_wraps_around() -> None:
    text = "one two one two one"
    query = Query("one")
    assert next_match(text, query, 0) == Match(0, 3)
    assert next_match(text, query, 3) == Match(8, 11)  # the find bar passes the end of the current selection
    assert next_match(text, query, 11) == Match(16, 19)
    assert next_match(text, query, 19) == Match(0, 3)  # past the last one: back to the top
    assert next_match(text, query, len(text)) == Match(0, 3)


def test_previous_finds_the_match_before_the_cursor_and_wraps_around() -> None:
    text = "one two one two one"
    query = Query("one")
    assert next_match(text, query, 16, backwards=True) == Match(8, 11)  # the selection start of the last match
    assert next_match(text, query, 8, backwards=True) == Match(0, 3)
    assert next_match(text, query, 0, backwards=True) == Match(16, 19)  # before the first one: to the bottom
    assert next_match(text, query, 2, backwards=True) == Match(16, 19)  # inside the first match: not before it


def test_next_and_previous_with_nothing_to_find() -> None:
    assert next_match("one two", Query("three"), 0) is None
    assert next_match("one two", Query("three"), 5, backwards=True) is None
    assert next_match("", Query("x"), 0) is None


def test_a_single_match_is_found_from_anywhere() -> None:
    text = "only one here"
    for position in (0, 5, 9, len(text)):
        assert next_match(text, Query("one"), position) == Match(5, 8)
        assert next_match(text, Query("one"), position, backwards=True) == Match(5, 8)


def test_regex_replacements_expand_backreferences() -> None:
    text = "mail ann@example.org or bob@example.com"
    query = Query(r"(\w+)@(\w+)\.(\w+)", regex=True)
    matches = find_all(text, query)
    assert [replacement_for(text, query, m, r"\1 at \2 (\3)") for m in matches] == [
        "ann at example (org)",
        "bob at example (com)",
    ]
    named = Query(r"(?P<day>\d\d)/(?P<month>\d\d)", regex=True)
    match = find_all("on 05/11 then", named)[0]
    assert replacement_for("on 05/11 then", named, match, r"\g<month>-\g<day>") == "11-05"
    assert replacement_for("on 05/11 then", named, match, r"[\g<0>]") == "[05/11]"


def test_literal_replacements_are_taken_as_written() -> None:
    text = "price (a.b)"
    query = Query("(a.b)")
    match = find_all(text, query)[0]
    assert replacement_for(text, query, match, r"\1 and \g<0>") == r"\1 and \g<0>"


def test_backreferences_work_with_lookahead_and_lookbehind() -> None:
    """A pattern may look past its match ("word before a !"); the replacement still expands its groups."""
    text = "hi! yo!"
    ahead = Query(r"(\w+)(?=!)", regex=True)
    assert [replacement_for(text, ahead, m, r"<\1>") for m in find_all(text, ahead)] == ["<hi>", "<yo>"]
    behind = Query(r"(?<=@)(\w+)", regex=True)
    match = find_all("me@home", behind)[0]
    assert replacement_for("me@home", behind, match, r"[\1]") == "[home]"


def test_backreferences_work_with_whole_word_and_ignore_case() -> None:
    text = "Smith, John; DOE, jane"
    query = Query(r"(\w+), (\w+)", regex=True, whole_word=True)
    assert [replacement_for(text, query, m, r"\2 \1") for m in find_all(text, query)] == ["John Smith", "jane DOE"]


def test_a_replacement_naming_a_missing_group_is_explained() -> None:
    text = "one two"
    query = Query(r"(\w+)", regex=True)
    match = find_all(text, query)[0]
    with pytest.raises(SearchError, match="group that does not exist"):
        replacement_for(text, query, match, r"\2")
    with pytest.raises(SearchError, match="group"):
        replacement_for(text, query, match, r"\g<name>")
