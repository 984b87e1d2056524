"""Every text exists in Dutch and English; the language is chosen in one place."""

from __future__ import annotations

import re

import pytest

from workbook import i18n


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, entry in i18n.MESSAGES.items():
        assert set(entry) == {"nl", "en"}, key
        assert entry["nl"].strip() and entry["en"].strip(), key
        fields = [set(re.findall(r"{(\w+)}", entry[lang])) for lang in ("nl", "en")]
        assert fields[0] == fields[1], key


def test_language_order_explicit_env_chosen_default(monkeypatch):
    assert i18n.language() == "nl"
    i18n.set_language("en")
    assert i18n.t("field.what") == "What"
    monkeypatch.setenv("WORKBOOK_LANG", "nl")
    assert i18n.t("field.what") == "Wat"
    assert i18n.t("field.what", "en") == "What"


def test_register_refuses_half_translated_or_conflicting_texts():
    with pytest.raises(ValueError, match="lacks en"):
        i18n.register({"test.half": {"nl": "half"}})
    with pytest.raises(ValueError, match="registered twice"):
        i18n.register({"field.what": {"nl": "Wat?", "en": "What?"}})
    i18n.register({"field.what": dict(i18n.MESSAGES["field.what"])})
