"""Law extraction on real cables (seeds/ and tests/fixtures/cables/) and real sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from orchestration.cables.extract.events import extract_events
from orchestration.cables.extract.law_lexicon import law_key, load_known_laws, parse_date
from orchestration.cables.extract.laws import extract_laws
from orchestration.cables.model import Cable
from tests.conftest import ALL_CABLE_FILES, raw_text, sentence_cable
from tests.conftest import cable as load

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


def test_a_reference_the_cable_never_names_in_full_keeps_the_cables_words() -> None:
    # 08PHNOMPENH179 says "Cambodia's anti-trafficking in persons law" and "the anti-TIP law", never the full name
    mentions = extract_laws(load("08PHNOMPENH179"))
    assert {m.name for m in mentions} == {"anti-TIP law"}
    assert any("anti-trafficking in persons law" in m.surface for m in mentions)
    assert {m.country for m in mentions} == {"Cambodia"}


def test_a_draft_is_named_after_the_cables_capitalised_name(cambodia_2007: Cable) -> None:
    # 2007: "the draft anti-TIP law" and "the new Anti-Trafficking Law" are one draft, not the 1996 law
    drafts = {m.name for m in extract_laws(cambodia_2007) if "draft" in m.surface.lower() or "Anti-Traff" in m.surface}
    assert drafts == {"Anti-Trafficking Law (draft)"}


def test_new_anti_tip_law_is_the_law_the_cable_names_in_full(cambodia_2009: Cable) -> None:
    references = {
        m.name for m in extract_laws(cambodia_2009) if m.surface.lower().endswith(("anti-tip law", "tip law"))
    }
    assert references == {LAW_2008}


def test_a_law_named_by_number_and_topic_is_the_anti_trafficking_law() -> None:
    # 08MANAMA144: "Bahrain enacted law number 1 of 2008 with respect to trafficking in persons"; later
    # "new anti-trafficking legislation" and "the anti-TIP law" refer to it
    mentions = extract_laws(load("08MANAMA144"))
    law = {m.surface: m.name for m in mentions}
    assert law["law number 1 of 2008"] == "Law number 1 of 2008"
    assert law["new anti-trafficking legislation"] == "Law number 1 of 2008"
    enacted = {m.enacted_date for m in mentions if m.name == "Law number 1 of 2008"}
    assert enacted == {dt.date(2008, 1, 9)}


def test_a_draft_without_a_name_is_named_as_the_cable_writes_it() -> None:
    # 07MANAMA206: "Bahrain has not yet passed anti-trafficking legislation. Draft legislation has been completed"
    mentions = extract_laws(load("07MANAMA206"))
    names_ = {m.name for m in mentions if "trafficking legislation" in m.surface.lower()}
    assert names_ == {"anti-trafficking legislation (draft)"}


def test_an_owned_plural_reference_is_a_law_and_a_bare_plural_is_not() -> None:
    # 08RIODEJANEIRO172 (a consulate): "Brazil's anti-trafficking laws are outdated"
    assert "anti-trafficking law" in names(load("08RIODEJANEIRO172"))
    # 09BRASILIA251: "so that authorities can prosecute under TIP laws": laws in general
    text = "The goal is to provide the necessary data so that authorities can prosecute under TIP laws."
    assert names(sentence_cable(text, origin="Embassy Brasilia")) == set()


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


def test_well_known_instruments_by_acronym_and_words_that_only_look_like_one() -> None:
    # 10LAGOS75: "... makes a mistake you have a FCPA investigation." (a US law cited by its acronym, at any post;
    # named as the cable names it, dated from the reference table)
    text = "If a U.S. company engages in a similar project and makes a mistake you have a FCPA investigation."
    found = extract_laws(sentence_cable(text, origin="Consulate Lagos"))
    assert {(m.name, m.country, m.enacted_date) for m in found} == {("FCPA", "United States", dt.date(1977, 12, 19))}
    # RICO is known only with a law word: "PUERTO RICO" in an all-caps cable is a place
    assert names(sentence_cable("THE GOVERNOR OF PUERTO RICO VISITED THE EMBASSY ON MONDAY.")) == set()
    rico = extract_laws(sentence_cable("Prosecutors brought charges under the RICO Act."))
    assert {(m.country, m.enacted_date) for m in rico} == {("United States", dt.date(1970, 10, 15))}


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


def test_a_numbered_list_names_each_instrument() -> None:
    # 07MANAMA206
    text = (
        "Bahrain has signed and ratified ILO Conventions 29, 105 and 182, in addition to the Optional Protocol to "
        "the Convention on the Rights of the Child."
    )
    assert names(sentence_cable(text, origin="Embassy Manama")) == {
        "ILO Convention 29",
        "ILO Convention 105",
        "ILO Convention 182",
        "Optional Protocol to the Convention on the Rights of the Child",
    }


def test_coordinated_names_are_two_laws_and_plural_heads_find_the_seed() -> None:
    # 07MANAMA206
    cable = load("07MANAMA206")
    found = names(cable)
    assert {"Arab Agreement to Combat Trans-Arab Organized Crime", "Arab Agreement to Combat Terrorism"} <= found
    protocol = [m for m in extract_laws(cable) if m.surface.startswith("Protocols to Prevent")]
    assert protocol and protocol[0].enacted_date == dt.date(2000, 11, 15)


def test_brazilian_laws_by_number_statute_and_country_code() -> None:
    cable = load("09BRASILIA251")
    mentions = extract_laws(cable)
    law = {m.surface: m for m in mentions}
    assert law["Law 11,829"].enacted_date == dt.date(2008, 11, 25)  # "approved by President Lula on November 25"
    assert law["Brazilian Penal Code"].name == "Brazilian Penal Code"
    assert law["Brazilian Penal Code"].articles == ["Article 7"]
    assert "Statute of Children and Adolescents" in {m.name for m in mentions}
    # "the International Human Rights Law Group", "the Cooperation Agreement to Combat Sex Tourism program" and
    # "The GOB's November 2008 law enforcement training seminar" name no law
    assert not any("Human Rights Law" in m.surface or "Cooperation" in m.surface for m in mentions)
    assert not any(m.surface.startswith("2008") for m in mentions)


def test_statutes_cited_by_section() -> None:
    # 09TELAVIV1098
    text = (
        "Unlike OC groups from the former Soviet Union, Italy, China, and Central America, application of INA "
        "212(a)(3)(A)(ii) against Israeli OC is not specifically authorized per Foreign Affairs Manual 40.31 N5.3."
    )
    assert names(sentence_cable(text, origin="Embassy Tel Aviv")) == {"INA", "Foreign Affairs Manual"}


def test_a_seed_law_named_only_by_its_acronym_keeps_it(cambodia_2009: Cable) -> None:
    # 09PHNOMPENH114 writes "TVPA Minimum Standard 2" and never the full name; "a general 1996 law" is not named
    # in full either, so it stays "1996 law"
    found = names(cambodia_2009)
    assert "TVPA" in found and "Trafficking Victims Protection Act" not in found
    assert "1996 law" in found and LAW_1996 not in found


def test_the_countrys_labor_laws_count_and_labor_laws_in_general_do_not() -> None:
    # 08MANAMA144
    text = "Since the labor laws do not cover domestic labor, female domestic workers are the most at risk."
    assert names(sentence_cable(text, origin="Embassy Manama")) == {"labor laws"}
    text = "The government enforces labor laws through inspections."
    assert names(sentence_cable(text, origin="Embassy Manama")) == set()


def test_fields_of_law_and_dates_are_not_law_names() -> None:
    text = "The International Human Rights Law course opened. The Decree on June 5 was read. The Rule of Law matters."
    assert names(sentence_cable(text, origin="Embassy Ankara")) == set()


@pytest.mark.parametrize("path", ALL_CABLE_FILES, ids=lambda p: p.stem)
def test_every_event_law_is_one_of_the_cables_law_mentions(path) -> None:
    # the warehouse resolves an event's law by joining it to the same cable's law mentions
    parsed = load(path.stem)
    mentions = extract_laws(parsed)
    written = {m.surface.lower() for m in mentions} | {m.name.lower() for m in mentions}
    laws = [event.law for event in extract_events(parsed) if event.law]
    assert all(law.lower() in written for law in laws), [law for law in laws if law.lower() not in written]


def test_a_heading_law_and_its_designation_in_the_next_sentence_are_one_law() -> None:
    # 09CAIRO386: "The Child law: Enacted in 1996. It was law no. 12 of 1996 and amended to ..."
    mentions = extract_laws(load("09CAIRO386"))
    law = {m.surface: m.name for m in mentions}
    assert law["Child law"] == law["law no. 12 of 1996"] == "Child Law"


@pytest.mark.parametrize(
    ("sentence", "origin", "expected"),
    [
        # 09LONDON2598: the Queen's speech, a bill its owner's possessive is no part of
        (
            "The Government’s Energy Bill would support carbon capture and storage (CCS) and help the most "
            "vulnerable households with energy costs through price subsidies and rebates.",
            "Embassy London",
            {"Energy Bill"},
        ),
        (
            "Under the Child Poverty Bill, carried over from the last Parliamentary session, the Government will be "
            "required by law to halve child poverty.",
            "Embassy London",
            {"Child Poverty Bill"},
        ),
        # 10LAGOS75
        (
            "The Petroleum Industry Bill is discouraging future investment.",
            "Consulate Lagos",
            {"Petroleum Industry Bill"},
        ),
        # 10BRUSSELS4: a bill before a surname is a person
        (
            "I told him I was leaving him in the good hands of U.S. Ambassador to the EU Bill Kennard but would "
            "continue to follow Belgian issues.",
            "Embassy Brussels",
            set(),
        ),
    ],
)
def test_a_named_bill_is_a_law_and_a_bill_named_so_is_a_person(sentence, origin, expected):
    assert names(sentence_cable(sentence, origin=origin)) == expected


def test_a_bill_signed_into_law_is_its_enactment():
    # 10MAPUTO80
    cable = sentence_cable(
        'In January, President Guebuza signed into law a new "Casino Bill." Passed by the National Assembly in June.',
        origin="Embassy Maputo",
        sent=dt.datetime(2010, 2, 3),
    )
    assert names(cable) == {"Casino Bill"}
    assert [(e.event_type, e.event_date, e.law) for e in extract_events(cable)][:1] == [
        ("law_enacted", dt.date(2010, 1, 1), "Casino Bill")
    ]
