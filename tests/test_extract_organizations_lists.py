"""Organizations in enumerations and one identity per body within a cable, on real cables and sentences."""

from __future__ import annotations

from orchestration.cables.extract.organizations import extract_organizations
from tests.conftest import cable as load
from tests.conftest import sentence_cable


def names(text: str, origin: str) -> set[str]:
    return {m.name for m in extract_organizations(sentence_cable(text, origin=origin))}


def test_an_and_inside_an_item_of_a_serial_comma_list_stays_in_the_item() -> None:
    # 08MANAMA144
    text = (
        "The Ministries of Labor, Interior, Justice and Islamic Affairs, Social Development, and Health, as well as "
        "the Labor Market Regulatory Authority (LMRA), participate."
    )
    found = names(text, "Embassy Manama")
    assert {"Ministry of Justice and Islamic Affairs", "Ministry of Social Development", "Ministry of Health"} <= found
    assert "Ministry of Islamic Affairs" not in found


def test_plural_secretariats_distribute_over_their_list() -> None:
    # 06ASUNCION589
    text = (
        "The team spoke with the Ministries of Foreign Affairs, Customs, and Interior (Immigration Department), the "
        "Secretariats of Women, Repatriations, and Children and Adolescents."
    )
    found = names(text, "Embassy Asuncion")
    assert {"Ministry of Foreign Affairs", "Ministry of Customs", "Secretariat of Children and Adolescents"} <= found


def test_a_list_of_ministries_ends_where_another_body_begins() -> None:
    # 08MANAMA144
    text = (
        "Regulations require cooperation between various internal agencies, including the Ministries of Labor, "
        "Interior, and Foreign Affairs, the GDNPR, and the Central Infomatics Organization before a work visa can "
        "be issued."
    )
    found = names(text, "Embassy Manama")
    assert "Ministry of Foreign Affairs" in found
    assert not any(name.startswith("Ministry of") and ("GDNPR" in name or "Central" in name) for name in found)


def test_misspelt_names_of_one_body_are_one_identity() -> None:
    # 09PHNOMPENH114 writes both "Vocational Training (MOLVT)" and, in a list, "Vocational Trainings"
    mentions = extract_organizations(load("09PHNOMPENH114"))
    labor = {(m.name, m.acronym) for m in mentions if m.surface.startswith("Ministry of Labor and Vocational")}
    assert labor == {("Ministry of Labor and Vocational Training", "MOLVT")}


def test_an_undefined_acronym_takes_the_body_whose_initials_it_carries_at_every_mention() -> None:
    # 08MANAMA144 writes "Migrant Workers Protection Society" and, ten times, "MWPS" without defining it
    mentions = extract_organizations(load("08MANAMA144"))
    mwps = {(m.name, m.acronym, m.org_type) for m in mentions if m.surface == "MWPS"}
    assert mwps == {("Migrant Workers Protection Society", "MWPS", "ngo")}
