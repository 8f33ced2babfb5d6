"""Named-entity mentions from a parsed article, clustered within the article.

BASELINE: doc.ents filtered by label; the entities helper replaces this with the full rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: NER labels that can be actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """Mentions of actor-like entities, each with its in-article cluster key."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        mentions.append(
            Mention(article.id, ent.start_char, ent.end_char, ent.text, ent.label_, key=ent.text)
        )
    return mentions
