"""The CMS home page: a ``cms.HomePage`` as the default site's root, in English and (via wagtail-localize) Chinese."""

from __future__ import annotations

from collections import Counter
from html import escape

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.models import HomePage

from .catalog_data import Term
from .site_data import HOME_BODY, HOME_HERO, HOME_INTRO, HOME_TITLE

TRANSLATION_LANGUAGE = "zh-hans"
HOME_SLUG = "home"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def _body_html(lang: str) -> str:
    html, items = [], []
    for tag, term in HOME_BODY:
        text = getattr(term, lang)
        if tag == "li":
            items.append(f"<li>{text}</li>")
            continue
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
            items = []
        html.append(f"<{tag}>{text}</{tag}>")
    if items:
        html.append(f"<ul>{''.join(items)}</ul>")
    return "".join(html)


def _translations() -> dict[str, str]:
    """English source segment -> Chinese, for every string of the home page (segments are HTML-escaped)."""
    terms: list[Term] = [HOME_TITLE, HOME_INTRO, *HOME_HERO.values(), *(term for _, term in HOME_BODY)]
    chinese = {escape(term.en, quote=False): escape(term.zh, quote=False) for term in terms}
    chinese[HOME_SLUG] = f"{HOME_SLUG}-{TRANSLATION_LANGUAGE}"
    return chinese


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Wagtail's migration creates a plain "Welcome" page; it has no content worth keeping."""
    for page in root.get_children().filter(title=WAGTAIL_WELCOME_TITLE, content_type__model="page"):
        if page.get_children_count() == 0:
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()


@transaction.atomic
def ensure_home_page(created: Counter[str]) -> HomePage:
    """Create the home page and make it the default site's root, unless a home page exists already."""
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is not None and not home.intro and not len(home.body):
        # The empty home page that migrate puts in place of Wagtail's welcome page: give it the demo content.
        home.title, home.intro = HOME_TITLE.en, HOME_INTRO.en
        home.body = [
            ("hero", {key: term.en for key, term in HOME_HERO.items()}),
            ("rich_text", RichText(_body_html("en"))),
        ]
        home.save_revision().publish()
        created["CMS pages"] += 1
    if home is None:
        root = Page.get_first_root_node()
        _remove_wagtail_welcome_page(root)
        taken = root.get_children().filter(slug=HOME_SLUG).exists()
        home = HomePage(
            title=HOME_TITLE.en,
            slug=f"shop-{HOME_SLUG}" if taken else HOME_SLUG,
            intro=HOME_INTRO.en,
            body=[
                ("hero", {key: term.en for key, term in HOME_HERO.items()}),
                ("rich_text", RichText(_body_html("en"))),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.save(update_fields=["root_page"])
        created["CMS pages"] += 1
    if _translate(home):
        created["CMS page translations"] += 1
    return home


def _translate(home: HomePage) -> bool:
    """Create the Chinese home page through wagtail-localize, as a translator would; False if it exists."""
    from wagtail_localize.models import Translation, TranslationSource

    target, _ = Locale.objects.get_or_create(language_code=TRANSLATION_LANGUAGE)
    if home.get_translations().filter(locale=target).exists():
        return False
    source, _ = TranslationSource.get_or_create_from_instance(home)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=target)
    po = translation.export_po()
    chinese = _translations()
    for entry in po:
        entry.msgstr = chinese.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)  # wagtail-localize publishes once the transaction commits
    return True
