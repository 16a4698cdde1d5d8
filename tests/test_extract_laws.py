"""Law extraction on real cables (seeds/ and tests/fixtures/cables/) and real sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from orchestration.cables.extract.law_lexicon import law_key, load_known_laws, parse_date
from orchestration.cables.extract.laws import extract_laws
from orchestration.cables.model import Cable
from tests.conftest import cable as load
from tests.conftest import raw_text, sentence_cable

LAW_1996 = "Law on the Suppression of the Kidnapping, Trafficking and Exploitation of Humans"
LAW_2008 = "Law on Suppression of Human Trafficking and Sexual Exploitation"


def names(cable: Cable) -> set[str]:
    return {m.name for m in extract_laws(cable)}


@pytest.fixture(scope="module")
def cambodia_2007() -> Cable:
    return load("07PHNOMPENH351")


@pytest.fixture(scope="module")
def cambodia_2009() -> Cable:
    return load("09PHNOMPENH114")


def test_seed_csv_is_clean() -> None:
    laws = load_known_laws()
    assert len({law.name for law in laws}) == len(laws)
    law_1996 = next(law for law in laws if law.name == LAW_1996)
    assert law_1996.enacted_date == dt.date(1996, 2, 29) and law_1996.country == "Cambodia"


def test_parse_date() -> None:
    assert parse_date("February 29, 1996") == dt.date(1996, 2, 29)
    assert parse_date("29 February 1996") == dt.date(1996, 2, 29)
    assert parse_date("March 2007") == dt.date(2007, 3, 1)
    assert parse_date("2005") == dt.date(2005, 1, 1)
    assert parse_date("2007-03") == dt.date(2007, 3, 1)


def test_law_key_merges_spelling_variants() -> None:
    assert law_key("the Law on the Suppression of Kidnapping, Trafficking and Exploitation of Human Beings") == law_key(
        "Law on Suppression of Kidnapping, Trafficking and Exploitation of Humans"
    )


def test_1996_law_variants_are_one_law(cambodia_2007: Cable) -> None:
    mentions = [m for m in extract_laws(cambodia_2007) if "Kidnapping" in m.surface]
    surfaces = {m.surface for m in mentions}
    assert "Law on the Suppression of Kidnapping, Trafficking and Exploitation of Human Beings" in surfaces
    assert "Law on the Suppression of the Kidnapping, Trafficking and Exploitation of Humans" in surfaces
    assert {m.name for m in mentions} == {LAW_1996}
    assert {m.enacted_date for m in mentions} == {dt.date(1996, 2, 29)}


def test_2008_law_variants_are_one_law(cambodia_2009: Cable) -> None:
    mentions = [
        m
        for m in extract_laws(cambodia_2009)
        if "Sexual Exploitation" in m.surface and not m.surface.startswith("Guidelines")
    ]
    surfaces = {m.surface.lower() for m in mentions}
    assert any("commercial sexual exploitation" in s for s in surfaces)
    assert {m.name for m in mentions} == {LAW_2008}
    assert {m.enacted_date for m in mentions} == {dt.date(2008, 2, 15)}


def test_generic_reference_in_2008_is_the_2008_law() -> None:
    cable = load("08PHNOMPENH179")
    mentions = extract_laws(cable)
    assert mentions
    assert {m.name for m in mentions} == {LAW_2008}
    assert any(m.surface.lower().endswith("anti-tip law") for m in mentions)


def test_draft_law_in_2007_is_not_the_1996_law(cambodia_2007: Cable) -> None:
    drafts = {m.name for m in extract_laws(cambodia_2007) if "draft" in m.surface.lower()}
    assert drafts == {"draft anti-trafficking law"}


def test_sentence_new_anti_tip_law() -> None:
    text = "The new anti-TIP law is a comprehensive law containing 52 articles."
    assert names(sentence_cable(text, sent=dt.datetime(2008, 5, 30))) == {LAW_2008}
    assert names(sentence_cable(text, sent=dt.datetime(2007, 3, 5))) == {"draft anti-trafficking law"}


def test_articles_are_kept(cambodia_2007: Cable) -> None:
    labor = [m for m in extract_laws(cambodia_2007) if m.name == "Labor Law"]
    assert any(m.articles == ["Article 368"] for m in labor)
    untac = [m for m in extract_laws(cambodia_2007) if m.name == "UNTAC Law"]
    assert any("Article 33" in m.articles for m in untac)


def test_article_ranges_expand() -> None:
    text = "Articles 173 to 178 of the Labor Law set out the hours children may work."
    (mention,) = extract_laws(sentence_cable(text))
    assert mention.name == "Labor Law"
    assert mention.articles == [f"Article {n}" for n in range(173, 179)]


def test_enactment_date_from_the_text() -> None:
    text = (
        "Provisions to the 2004 Naturalization and Immigration Law prescribe penalties for those who smuggle persons."
    )
    (mention,) = extract_laws(sentence_cable(text, origin="Embassy Caracas", sent=dt.datetime(2010, 2, 25)))
    assert mention.name == "Naturalization and Immigration Law"
    assert mention.enacted_date == dt.date(2004, 1, 1)
    assert mention.country == "Venezuela"


def test_sub_decree_with_date_before_it(cambodia_2009: Cable) -> None:
    subs = [m for m in extract_laws(cambodia_2009) if m.name.startswith("sub-decree")]
    assert {m.name for m in subs} == {"sub-decree on international marriages"}
    assert {m.enacted_date for m in subs} == {dt.date(2008, 11, 1)}
    assert len(subs) >= 2, "the later 'the sub-decree' refers to the same instrument"


def test_foreign_laws(cambodia_2009: Cable) -> None:
    mentions = extract_laws(cambodia_2009)
    protect = {(m.country, m.enacted_date) for m in mentions if m.name == "PROTECT Act"}
    assert protect == {("United States", dt.date(2003, 4, 30))}
    text = "The training helps Cambodia meet one of the newest Trafficking Victims Protection Act (TVPA) standards."
    assert names(sentence_cable(text)) == {"Trafficking Victims Protection Act"}


def test_numbered_decrees_merge() -> None:
    cable = load("09DAMASCUS139")
    decrees = {m.surface: m.name for m in extract_laws(cable) if m.surface.startswith("Decree")}
    assert decrees.get("Decree 81") == "Decree 81 of 2006"
    assert decrees.get("Decree 29 of 1970") == "Decree 29 of 1970"


def test_not_laws() -> None:
    text = (
        "The International Law Enforcement Academy trained police; the MOJ International Law and Foreign Relations "
        "Directorate attended. The National Plan of Action was adopted."
    )
    assert names(sentence_cable(text, origin="Embassy Ankara")) == set()


def test_spans_point_into_the_raw_text(cambodia_2009: Cable) -> None:
    raw = raw_text("09PHNOMPENH114")
    mentions = extract_laws(cambodia_2009)
    assert len(mentions) > 20
    for mention in mentions:
        written = " ".join(raw[mention.char_start : mention.char_end].split())
        assert written.replace("- ", "-").replace("-", "") == mention.surface.replace("-", ""), mention
