"""Word lists used to classify a figure: counted nouns, cue verbs, currencies, qualifiers."""

from __future__ import annotations

import re

# nouns whose count is a count of organizations (measure organizations_count)
ORG_NOUNS = frozenset(
    "ministries ministry governments government bureaus bureau ngos ngo organizations organisations "
    "organization agencies agency provinces province companies company courts court brothels brothel shelters "
    "shelter hotels hotel stations station offices office groups group units unit districts district "
    "countries country associations association rings ring casinos casino centers center centres centre "
    "cities city municipalities municipality institutions institution departments department commissions "
    "commission ios firms firm factories factory establishments networks network bodies body embassies "
    "schools villages communes states nations bars karaokes clinics hospitals businesses councils committees "
    "prisons facilities daaras sites regions governorates partners donors members-states universities".split()
)
# nouns naming a count of people (nationalities are read from the library: metric_breakdown.DEMONYM_RE)
PERSON_NOUNS = frozenset(
    "victims victim persons person people individuals individual suspects suspect offenders offender "
    "perpetrators perpetrator traffickers trafficker pimps accomplices foreigners foreigner nationals "
    "citizens citizen women woman men man girls girl boys boy children child minors minor workers worker "
    "officers officer officials official prosecutors prosecutor judges judge participants troops students "
    "teachers deportees returnees migrants migrant managers detainees doctors nurse nurses staff members "
    "tourists civilians residents pedophiles paedophiles owners employees deminers advisors advisers trainers "
    "personnel refugees survivors defendants brokers agents drivers marabouts talibs talibes mothers wives "
    "brides soldiers policemen guards laborers labourers fishermen maids servants housemaids beggars "
    "recruiters clients customers passengers crew inmates prisoners adults adult females males juveniles "
    "infants babies orphans teenagers youths youth sex deportee returnee applicants peacekeepers physicians "
    "lawyers investigators volunteers couples families households immigrants emigrants aliens parents "
    "relatives employers patients expatriates expatriate expats inhabitants settlers visitors pilgrims "
    "spouses husbands sons daughters journalists activists witnesses smugglers".split()
)
CASE_NOUNS = {"cases", "case", "complaints", "complaint", "incidents", "incident", "reports", "allegations"}
EVENT_NOUNS = {
    "arrests": "arrests",
    "arrest": "arrests",
    "detentions": "arrests",
    "detention": "arrests",
    "apprehensions": "arrests",
    "raids": "other",
    "convictions": "convictions",
    "conviction": "convictions",
    "prosecutions": "prosecutions",
    "prosecution": "prosecutions",
    "indictments": "prosecutions",
    "trials": "prosecutions",
    "trial": "prosecutions",
    "investigations": "investigations",
    "investigation": "investigations",
    "acquittals": "acquittals",
    "acquittal": "acquittals",
    "rescues": "victims_rescued",
    "repatriations": "victims_repatriated",
    "referrals": "victims_referred",
    "deportations": "migrants_returned",
}
# words that may stand between a figure and the noun it counts
MODIFIER_STOP = frozenset(
    "of to in for from with by on at and or were was are is have has had who which that percent per be been the".split()
)

# prefixes after which a number is an identifier, not a statistic
ID_PREFIX = re.compile(
    r"(?:\b(?:[Aa]rticles?|[Aa]rts?\.|[Ss]ections?|[Ss]ec\.|[Dd]ecrees?|[Ll]aws?|[Nn]o\.|[Nn]os\.|[Nn]umbers?|[Pp]aras?\.?|"
    r"[Pp]aragraphs?|REFS?|[Rr]efs?\.?|[Rr]eftel|[Tt]ier|[Pp]ages?|[Pp]p?\.|[Cc]hapters?|[Rr]esolutions?|[Pp]rotocols?|"
    r"[Ii]tems?|[Qq]uestions?|[Bb]ox|[Rr]oom|[Rr]oute|[Hh]ighway|[Ll]evel|[Gg]rade|[Pp]hase|[Cc]ode|[Oo]rders?|[Aa]cts?|"
    r"[Pp]rakas|[Dd]irectives?|[Cc]irculars?|E\.O\.|EO|[Tt]el\.?|[Pp]hone|[Ff]ax|[Tt]elephone|[Hh]otline|[Cc]ase\s+[Nn]o|"
    r"[Vv]ol\.?|[Vv]olume|[Ss]tep|[Pp]oint|[Kk]ilometer|[Kk]m|[Pp]aragraph|[Ss]ubparagraph|[Cc]lause|[Ss]tage|[Uu]nit|"
    r"[Bb]uilding|[Ss]treet|[Cc]ompany|[Bb]attalion|[Rr]egiment|[Zz]one|[Cc]amp|[Ff]orm|[Ss]chedule|[Aa]ppendix|[Aa]nnex|[Tt]able|[Ff]igure|[Nn]umber|[Ll]ist|[Ww]atch\s+[Ll]ist|[Rr]ank(?:ed|ing)?)"
    r"\s*(?:[Nn]o\.?|[Nn]umber)?\s*#?\s*)$"
)
TIME_UNIT_AFTER = re.compile(
    r"^(?:\s*|-)(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|decades?|nights?)\b"
    r"|^(?:\s*|-)(?:years?|months?)[\s-]old\b|^\s*(?:o'clock|a\.m\.|p\.m\.|am|pm)\b"
)
AGE_BEFORE = re.compile(
    r"(?:\bage[sd]?|\bunder|\bbetween\s+the\s+ages\s+of|\bages\s+of|\bage\s+of|\bteens?|"
    r"\byounger\s+than|\bolder\s+than|\bthe\s+age\s+of)\s*$",
    re.I,
)
AGE_AFTER = re.compile(
    r"^(?:\s*|-)(?:years?[\s-]olds?|year-old|yrs?\.?\s+old)\b|^\s*and\s+(?:over|under|above|older|younger)\b", re.I
)
