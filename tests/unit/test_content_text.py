"""The built-in workshop text (content.toml and slides, da and en) is complete and consistent."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

CONTENT = Path(__file__).parents[2] / "amk_tui/config/content"
LANGUAGES = ("da", "en")
MODEL_MARKER = "<!-- amk:model -->"
EXAMPLE_MARKER = "<!-- amk:example -->"
FACTOR_IDS = ["aabenhed", "innovation", "motivation", "ressourcer", "systematik", "viden"]
TITLE_SLIDE = "01-titel.md"
FACTORS_SLIDE = "06-seks-faktorer.md"
EXAMPLE_SLIDE = "07-eksempel.md"
DEPARTMENTS_SLIDE = "08-64-afdelinger.md"
UNCITED_SLIDES = {TITLE_SLIDE}
"""The deck gives no source on the title slide (purpose and programme). Its exercise slides
are the group-work screen (content.toml's [exercise]), not slides."""
CITATION = {
    "da": "Det Nationale Forskningscenter for Arbejdsmiljø",
    "en": "National Research Centre for the Working Environment",
}
DECK_SENTENCES = [
    "de psykologiske og sociale påvirkninger",
    "Trivsel i arbejdet",
    "Medarbejderne bliver aktivt inddraget",
    "En samlet egenskab ved en gruppe",
    "Der ses en klar sammenhæng",
    "Psykisk arbejdsmiljø kræver fælles forståelse og fælles løsninger",
    "Hvad tager I med jer fra i dag?",
    "Hvorfor ser vores arbejdsmiljøkompetence ud, som den gør?",
]
TYPOS = ("komptence", "kompentence", "arbejdskompetencemodellen")
CORRECTION = "→"
"""A header line that says which typo of the deck was corrected (quoting it, on purpose)."""


def load(lang: str) -> dict[str, Any]:
    with (CONTENT / lang / "content.toml").open("rb") as f:
        return tomllib.load(f)


def slides(lang: str) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted((CONTENT / lang / "slides").glob("*.md"))}


def question_keys(data: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    out = {name: [(q["id"], q["kind"]) for q in qs] for name, qs in data["questions"].items()}
    out["wrapup"] = [(q["id"], "") for q in data["wrapup"]["questions"]]
    return out


def test_content_files_parse() -> None:
    for lang in LANGUAGES:
        data = load(lang)
        assert data["language"] == lang
        assert data["title"]
        assert data["wrapup"]["heading"]
        for key in ("groups", "instruction", "draw", "scale_low", "scale_high"):
            assert data["exercise"][key]
        for key in ("title1", "title2", "questions_heading", "discuss"):
            assert data["exercise"][key]


def test_factors_identical_between_languages() -> None:
    da, en = load("da"), load("en")
    for data in (da, en):
        assert [f["id"] for f in data["factors"]] == FACTOR_IDS
        assert [f["number"] for f in data["factors"]] == [1, 2, 3, 4, 5, 6]
        for f in data["factors"]:
            assert f["name"] and f["text"]
            assert 0 < len(f["short"]) <= 12, f["short"]


def test_questions_identical_between_languages() -> None:
    da, en = question_keys(load("da")), question_keys(load("en"))
    assert da == en
    assert sorted(da) == ["variant1", "variant2", "wrapup"]
    assert len(da["variant1"]) == 5
    assert len(da["variant2"]) == 4
    assert [qid for qid, _ in da["wrapup"]] == ["tager_med", "behov", "naeste_skridt"]
    kinds = {"notes", "priorities", "more", "less"}
    assert all(kind in kinds for qs in (da["variant1"], da["variant2"]) for _, kind in qs)


def test_wrapup_questions_are_not_numbered() -> None:
    for lang in LANGUAGES:
        for q in load(lang)["wrapup"]["questions"]:
            assert not q["text"][0].isdigit(), q["text"]


def test_slide_files_match_between_languages() -> None:
    da, en = slides("da"), slides("en")
    assert list(da) == list(en)
    assert len(da) == 10
    for name in (TITLE_SLIDE, FACTORS_SLIDE, EXAMPLE_SLIDE, DEPARTMENTS_SLIDE):
        assert name in da


def test_slides_start_with_title() -> None:
    for lang in LANGUAGES:
        for name, text in slides(lang).items():
            assert text.startswith("# "), f"{lang}/{name}"


def test_factors_slide_has_model_and_factor_list() -> None:
    for lang in LANGUAGES:
        text = slides(lang)[FACTORS_SLIDE]
        assert MODEL_MARKER in text.splitlines()
        for f in load(lang)["factors"]:
            assert f"{f['number']}. {f['text']}" in text.splitlines(), f"{lang}: {f['id']}"


def test_model_marker_only_on_factors_slide() -> None:
    for lang in LANGUAGES:
        for name, text in slides(lang).items():
            assert (MODEL_MARKER in text) == (name == FACTORS_SLIDE), f"{lang}/{name}"
            assert (EXAMPLE_MARKER in text) == (name == EXAMPLE_SLIDE), f"{lang}/{name}"


def test_the_deck_s_title_slide_with_purpose_and_programme() -> None:
    text = slides("da")[TITLE_SLIDE]
    assert text.startswith("# Arbejdsmiljø og Udvikling\n")
    assert "Starte en dialog om arbejdsmiljøkompetencen i jeres AMG" in text
    for item in ("10 min. oplæg", "25 min. dialogøvelse i grupper", "10 min. opsamling"):
        assert item in text


def test_the_example_line_is_labelled_as_made_up() -> None:
    for lang, word in (("da", "fiktive"), ("en", "fictitious")):
        example = load(lang)["example"]
        assert word in example["label"]
        assert len(example["values"]) == 6 and all(1 <= v <= 5 for v in example["values"])
    assert load("da")["example"]["values"] == load("en")["example"]["values"]


def test_the_64_departments_slide_invents_no_numbers() -> None:
    for lang in LANGUAGES:
        body = slides(lang)[DEPARTMENTS_SLIDE].split("\n???\n")[0]
        numbers = [n for n in re.findall(r"\d+", body) if n not in ("64", "2024")]
        assert numbers == [], f"{lang}: {numbers}"


def test_deck_sentences_present_in_danish() -> None:
    danish = (CONTENT / "da" / "content.toml").read_text("utf-8")
    danish += "\n".join(slides("da").values())
    for sentence in DECK_SENTENCES:
        assert sentence in danish, sentence


def test_slides_cite_their_source() -> None:
    for lang in LANGUAGES:
        for name, text in slides(lang).items():
            body = text.split("\n???\n")[0]
            cited = CITATION[lang] in body
            assert cited == (name not in UNCITED_SLIDES), f"{lang}/{name}"
            if cited:
                last = body.strip().splitlines()[-1]
                assert last.startswith("*") and last.endswith("*"), f"{lang}/{name}"
                assert CITATION[lang] in last, f"{lang}/{name}"


def test_no_typos() -> None:
    files = [p for lang in LANGUAGES for p in (CONTENT / lang).rglob("*") if p.is_file()]
    assert files
    for path in files:
        lines = path.read_text("utf-8").lower().splitlines()
        text = "\n".join(line for line in lines if CORRECTION not in line)
        for typo in TYPOS:
            assert typo not in text, f"{path.name}: {typo}"
