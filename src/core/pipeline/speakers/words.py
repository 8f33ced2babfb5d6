"""Word lists the speaker rules share: dependencies, pronouns, nouns for bodies and for people."""

from __future__ import annotations

#: Subject dependencies, active and passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Verbs that borrow the subject of the verb they hang from ("X declined and said", "X, saying").
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl"})
#: Personal pronouns that can refer back to a named person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Relative pronouns: the speaker is the noun the clause hangs from ("a statement which said").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
#: Labels a named speaker can have.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

#: Pronouns that stand for an organisation ("it said") or a group ("they said").
GROUP_PRONOUNS = frozenset({"it", "they"})
#: Common nouns that name a body that speaks as one: "the agency ... it said".
BODY_NOUNS = frozenset(
    "agency ministry department government company firm court council committee commission "
    "board office authority police army party union organisation organization group team "
    "administration bank university school club airline network channel newspaper "
    "broadcaster regulator service institute foundation charity campaign coalition".split()
)
#: Endings of plural nouns for people ("researchers", "scientists", "residents", "employees"):
#: "they" can speak for them, not for "the flies" or "the ice sheets".
PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ees", "ives", "ics")
#: Plural nouns for people without those endings.
PEOPLE_PLURALS = frozenset(
    "people officials authorities police members sources staff families leaders experts "
    "officers scientists residents crew troops forces judges chiefs".split()
)

#: Nouns for what someone said, owned by the one who said it ("her remarks").
SPOKEN_NOUNS = frozenset("remarks comments words comment remark".split())

#: Articles: a word that takes one is a noun, not a name.
ARTICLES = frozenset({"a", "an", "the"})

#: Words that make a subject several people: "X, Y and Z each asked", "both disapproved".
DISTRIBUTIVES = frozenset({"each", "both", "all"})
