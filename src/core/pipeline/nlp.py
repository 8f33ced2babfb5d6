"""Loading the spaCy pipeline: the configured model, the pinned package, or a rule-based one."""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..settings import DEFAULT_MODELS, RULES_MODEL

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

#: Components nothing in newsdesk reads; excluded at load time.
UNUSED_PIPES: tuple[str, ...] = ("lemmatizer",)


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """What ran: recorded in the store's fingerprint and shown to the user."""

    name: str
    version: str
    rule_based: bool

    @property
    def fingerprint(self) -> str:
        return f"{self.name}@{self.version}"


def resolve_model(model: str | None) -> str:
    """The model to load: the setting, else the first installed default, else the rules."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return RULES_MODEL


def describe_model(model: str | None) -> PipelineInfo:
    """The pipeline's identity without loading spaCy (cheap: reads package metadata only)."""
    name = resolve_model(model)
    if name == RULES_MODEL:
        return PipelineInfo(RULES_MODEL, f"spacy-{installed_version('spacy') or 'unknown'}",
                            rule_based=True)
    version = installed_version(name)
    if version is not None:
        return PipelineInfo(name, version, rule_based=False)
    from pathlib import Path  # a model folder rather than a package: its meta.json

    meta = Path(name) / "meta.json"
    if meta.is_file():
        import json

        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return PipelineInfo(name, str(data.get("version", "0")), rule_based=False)
    return PipelineInfo(name, "0", rule_based=False)


def installed_version(package: str) -> str | None:
    """An installed package's version, or None.

    Read from the name of the `.dist-info` folder beside the package, which is what
    `importlib.metadata` reports for a wheel install; that module alone costs ~30 ms to import,
    a tenth of a warm start. It stays the fallback for anything laid out differently.
    """
    import os

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return None
    wanted = package.lower().replace("-", "_") + "-"
    for location in spec.submodule_search_locations or ():
        try:
            entries = os.listdir(os.path.dirname(location))
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info") and entry.lower().startswith(wanted):
                version = entry[len(wanted) : -len(".dist-info")]
                if version and "-" not in version:
                    return version
    try:
        from importlib.metadata import version as metadata_version

        return metadata_version(package.replace("_", "-"))
    except Exception:  # not a distribution (a bare folder on sys.path)
        return None


def load_pipeline(model: str | None, *, stock: bool = False) -> tuple[Language, PipelineInfo]:
    """Load the pipeline; with no model package installed, say so once and use the rules.

    The model's `attribute_ruler` is replaced by newsdesk's faster equivalent (same patterns,
    byte-identical annotations; see `attribute_ruler`) unless `stock` asks for spaCy's own
    components only, as the bench's baseline and `bench/pipeline_identity.py` do."""
    import spacy

    info = describe_model(model)
    if info.rule_based:
        if model != RULES_MODEL:
            log.warning(
                "No spaCy model is installed; using the rule-based pipeline (fewer entities "
                "and quotes). Install en_core_web_sm or set NEWSDESK_MODEL."
            )
        return rule_based_pipeline(), info
    try:
        nlp = spacy.load(info.name, exclude=list(UNUSED_PIPES))
    except OSError as err:
        raise ModelError(
            f"Cannot load the spaCy model {info.name!r}: {str(err).rstrip('. ')}. "
            "Install it, or set NEWSDESK_MODEL=rules for the rule-based pipeline."
        ) from err
    if not stock:
        from .attribute_ruler import replace_stock_ruler

        replace_stock_ruler(nlp)
    return nlp, info


def rule_based_pipeline() -> Language:
    """Blank English with a sentencizer and entity rules: works without any trained model.

    The country gazetteer runs first; the general name rules never overwrite what it found.
    """
    import spacy

    from .rules import entity_patterns, gazetteer_patterns

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    gazetteer = nlp.add_pipe("entity_ruler", name="gazetteer")
    gazetteer.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    ruler = nlp.add_pipe("entity_ruler", name="entity_rules", config={"overwrite_ents": False})
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp
