"""Organization extraction on real cables (seeds/ and tests/fixtures/cables/) and real sentences."""

from __future__ import annotations

import pytest

from orchestration.cables.extract.org_chunks import capitalised_runs, last_run_ending_at, run_tokens_of, tokens_of
from orchestration.cables.extract.org_countries import country_of_origin
from orchestration.cables.extract.org_lexicon import canonical_ministry, load_known_organizations
from orchestration.cables.extract.organizations import extract_organizations
from orchestration.cables.model import Cable, GlossaryEntry
from tests.conftest import cable as load
from tests.conftest import raw_text, sentence_cable


def identities(cable: Cable) -> set[tuple[str, str | None]]:
    return {(m.name, m.acronym) for m in extract_organizations(cable)}


def by_surface(cable: Cable) -> dict[str, tuple[str, str | None, str, str | None]]:
    return {m.surface: (m.name, m.acronym, m.org_type, m.country) for m in extract_organizations(cable)}


@pytest.fixture(scope="module")
def cambodia_2009() -> Cable:
    return load("09PHNOMPENH114")


@pytest.fixture(scope="module")
def cambodia_2007() -> Cable:
    return load("07PHNOMPENH351")


def test_seed_csv_is_clean() -> None:
    rows = load_known_organizations()
    assert len(rows) > 50
    names = [row.name for row in rows]
    assert len(names) == len(set(names)), "one row per organization"
    iom = next(row for row in rows if row.acronym == "IOM")
    assert iom.org_type == "international_org" and iom.country is None


def test_country_from_origin() -> None:
    assert country_of_origin("Embassy Phnom Penh") == "Cambodia"
    assert country_of_origin("Embassy Cairo") == "Egypt"
    assert country_of_origin("Embassy La Paz") == "Bolivia"


def test_glossary_acronym_resolves_to_its_expansion(cambodia_2009: Cable) -> None:
    mentions = [m for m in extract_organizations(cambodia_2009) if m.surface == "CWCC"]
    assert mentions, "CWCC is used in the body"
    assert {(m.name, m.acronym, m.org_type) for m in mentions} == {("Cambodian Women's Crisis Center", "CWCC", "ngo")}


def test_every_glossary_entry_is_an_organization(cambodia_2009: Cable) -> None:
    surfaces = {m.surface for m in extract_organizations(cambodia_2009)}
    for entry in cambodia_2009.glossary:
        assert entry.acronym in surfaces, entry.acronym


def test_glossary_expansion_known_to_the_seed_keeps_the_canonical_identity(cambodia_2009: Cable) -> None:
    # the glossary says UNOHCHR; the seed's canonical acronym for the same body is OHCHR
    found = {(m.name, m.acronym) for m in extract_organizations(cambodia_2009) if m.surface == "UNOHCHR"}
    assert found == {("United Nations Office of the High Commissioner for Human Rights", "OHCHR")}


def test_glossary_acronym_in_a_sentence() -> None:
    cable = sentence_cable(
        "The NGO CWCC runs shelters in three provinces.",
        glossary=[GlossaryEntry("CWCC", "Cambodian Women's Crisis Center", "glossary")],
    )
    assert by_surface(cable)["CWCC"][:2] == ("Cambodian Women's Crisis Center", "CWCC")


def test_inline_definition_names_later_acronyms(cambodia_2007: Cable) -> None:
    mentions = extract_organizations(cambodia_2007)
    cncc = {(m.name, m.acronym) for m in mentions if m.surface == "CNCC"}
    assert cncc == {("Cambodian National Council for Children", "CNCC")}
    ijm = {(m.name, m.acronym, m.org_type) for m in mentions if "IJM" in m.surface or "Justice Mission" in m.surface}
    assert ijm == {("International Justice Mission", "IJM", "ngo")}


def test_inline_definition_in_a_sentence() -> None:
    text = (
        "The International Organization for Migration (IOM) and the Women's Association for Well-Being and "
        "Reciprocal Assistance (AMBAR) assist victims. AMBAR also runs a hotline."
    )
    found = by_surface(sentence_cable(text, origin="Embassy Caracas"))
    assert found["AMBAR"][:2] == ("Women's Association for Well-Being and Reciprocal Assistance", "AMBAR")
    assert found["International Organization for Migration"][:3] == (
        "International Organization for Migration",
        "IOM",
        "international_org",
    )


def test_ministry_variants_merge_to_one_body() -> None:
    assert canonical_ministry("Interior Ministry") == "Ministry of Interior"
    assert canonical_ministry("Ministry of the Interior") == "Ministry of Interior"
    text = (
        "The Ministry of Foreign Affairs (MFA), the Ministry of Social Affairs (MSA), the Ministry of Justice "
        "(MOJ), and the Ministry of the Interior (MOI) are the four government bodies working most directly on "
        "anti-trafficking efforts. The Interior Ministry and the MOI police received training."
    )
    mentions = extract_organizations(sentence_cable(text, origin="Embassy Damascus"))
    interior = {(m.name, m.acronym, m.country) for m in mentions if "Interior" in m.surface or m.surface == "MOI"}
    assert interior == {("Ministry of Interior", "MOI", "Syria")}
    # "Ministry of the Interior", its "(MOI)", "Interior Ministry", "MOI police"
    assert len([m for m in mentions if m.name == "Ministry of Interior"]) == 4


def test_same_acronym_is_a_different_body_in_another_country(cambodia_2009: Cable) -> None:
    cairo = load("09CAIRO386")
    cambodian = {m.country for m in extract_organizations(cambodia_2009) if m.acronym == "MOJ"}
    egyptian = {m.country for m in extract_organizations(cairo) if m.name == "Ministry of Justice"}
    assert cambodian == {"Cambodia"}
    assert egyptian == {"Egypt"}


def test_international_bodies_have_no_country(cambodia_2009: Cable) -> None:
    mentions = extract_organizations(cambodia_2009)
    for acronym in ("IOM", "UNICEF"):
        found = {(m.org_type, m.country) for m in mentions if m.acronym == acronym}
        assert found == {("international_org", None)}, acronym


def test_us_government_is_foreign(cambodia_2009: Cable) -> None:
    mentions = extract_organizations(cambodia_2009)
    usaid = {(m.org_type, m.country) for m in mentions if m.acronym == "USAID"}
    assert usaid == {("foreign_government", "United States")}
    assert any(m.name == "U.S. Embassy Phnom Penh" for m in mentions), "'Embassy Phnom Penh's contribution'"


def test_demonym_governments() -> None:
    text = (
        "The U.S. and Australian governments have helped the Cambodian government set up computerized "
        "immigration systems. The British government funded a border security project."
    )
    found = by_surface(sentence_cable(text))
    assert found["Cambodian government"][:3] == ("Royal Government of Cambodia", "RGC", "government")
    assert found["British government"][2:] == ("foreign_government", "United Kingdom")
    assert found["Australian governments"] == ("Australian Government", None, "foreign_government", "Australia")
    assert found["U.S."][:2] == ("U.S. Government", "USG")


def test_grammar_heads_and_types() -> None:
    text = (
        "The Phnom Penh Municipal Court convicted two traffickers, and the Ministry of Interior's Anti-Trafficking "
        "Unit raided the Chhay Hour II Hotel."
    )
    found = by_surface(sentence_cable(text))
    assert found["Phnom Penh Municipal Court"][2:] == ("court", "Cambodia")
    assert found["Ministry of Interior's Anti-Trafficking Unit"][2] == "police"
    assert found["Chhay Hour II Hotel"][2] == "company"


def test_enumerations_are_split() -> None:
    text = (
        "The Ministry of Family has received grants from Italy, France, the World Bank and UNICEF to follow "
        "through with its plan."
    )
    names = {name for name, _ in identities(sentence_cable(text, origin="Embassy Dakar"))}
    assert {"Ministry of Family", "Italy", "France", "World Bank", "United Nations Children's Fund"} <= names
    assert not any("," in name for name in names)


def test_person_titles_are_not_part_of_names() -> None:
    text = (
        "Ministry of Justice Secretary of State Chan Sotheavy explained the law to the National Assembly in November."
    )
    names = {name for name, _ in identities(sentence_cable(text))}
    assert names == {"Ministry of Justice", "National Assembly"}


def test_spans_point_into_the_raw_text(cambodia_2009: Cable) -> None:
    raw = raw_text("09PHNOMPENH114")
    mentions = extract_organizations(cambodia_2009)
    assert len(mentions) > 100
    for mention in mentions:
        written = " ".join(raw[mention.char_start : mention.char_end].split())
        assert written.replace("- ", "-").replace("-", "") == mention.surface.replace("-", ""), mention


def test_headings_and_currency_are_not_organizations() -> None:
    text = "HEROES: a fine of USD 400 (200,000 CFAF) and 6,000 SUD (3,000,000 CFAF) was imposed."
    assert identities(sentence_cable(text, origin="Embassy Dakar")) == set()


def _corpus_cable(cable_id: str) -> Cable:
    from orchestration.cables.parser import parse_cable
    from tests.conftest import CORPUS_TXT

    return parse_cable((CORPUS_TXT / f"{cable_id}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("cable_id", "kept"),
    [
        # "FINALLY, THE KEY QUESTION ...", "MOREOVER, THIS ANALYSIS ...", "... DRAWS TO A CLOSE."
        ("07PARIS170", {"CHIRAC"}),
        # "HOWEVER, ...", "A TWO-YEAR ...", "... WERE TORTURED": words of a cable written in capitals
        ("89PANAMA8545", set()),
        # "THE EXTENT OF THE MOIS AND IRGC-QODS ...": MOIS stays; "GROUPS", "ECONOMIC" go
        ("09STATE6423", {"MOIS"}),
        ("79TEHRAN8980", set()),
    ],
)
def test_a_cable_written_in_capitals_has_no_english_word_as_an_organization(cable_id, kept):
    assert {m.surface for m in extract_organizations(_corpus_cable(cable_id))} == kept


def test_a_hyphenated_pair_of_the_cables_words_is_no_acronym():
    # 09MADRID1152: a heading "RIGHTS-HOLDERS' CONCERNS" in a cable that writes "the rights-holders' point of view"
    surfaces = {m.surface for m in extract_organizations(_corpus_cable("09MADRID1152"))}
    assert "RIGHTS-HOLDERS" not in surfaces


def test_the_shipped_common_words_are_those_of_the_repository_cables():
    import importlib

    from orchestration.cables.extract.org_vocabulary import common_words

    generator = importlib.import_module("scripts.generate_common_words")
    assert common_words() == frozenset(generator.common_words())  # else: make reference-data


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 09STOCKHOLM418: a political director's title ends the body before the person
        (
            "He then met with the EU Political Directors troika, comprising EU External Relations Commission PolDir "
            "Karel Kovanda, Spanish PolDir Alfonso Lucini, and EU Council Secretariat Policy Coordinator Helga Schmid.",
            "EU External Relations Commission",
        ),
        # 10STATE15856: an opener before a body
        ("-- Given the UN Security Council's grave concern over Iran's nuclear program", "UN Security Council"),
    ],
)
def test_a_title_or_an_opener_beside_a_body_stays_out_of_its_name(sentence, surface):
    surfaces = {m.surface for m in extract_organizations(sentence_cable(sentence, origin="Embassy Stockholm"))}
    assert surface in surfaces
    assert not any(other != surface and surface in other for other in surfaces)


def test_an_act_is_no_body_even_when_its_name_holds_one():
    # 10STATE15856: "... Executive Order (E.O.) 13382, and the Export Administration Act."
    sentence = "the Arms Export Control Act (AECA), Executive Order (E.O.) 13382, and the Export Administration Act."
    assert not {m.surface for m in extract_organizations(sentence_cable(sentence))} & {
        "Export Administration Act",
        "Arms Export Control Act",
    }


def test_merged_lower_case_tokens_read_the_same_runs_as_every_token(cambodia_2009: Cable, cambodia_2007: Cable) -> None:
    # run_tokens_of reads each stretch of tokens that are not capitalised as one token, to make the runs faster: never
    # other runs
    for paragraph in cambodia_2009.paragraphs + cambodia_2007.paragraphs:
        text = paragraph.text
        every, merged = tokens_of(text), run_tokens_of(text)
        assert len(merged) <= len(every)
        assert capitalised_runs(text, frozenset(), every) == capitalised_runs(text, frozenset(), merged)
        for end in range(0, len(text) + 1, 7):
            assert last_run_ending_at(text, end, every) == last_run_ending_at(text, end, merged)
