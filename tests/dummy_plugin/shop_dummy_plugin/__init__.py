"""The dummy plugin: a test-only plugin that uses every extension point of the core.

It exists so the core's tests can prove the plugin framework works without a
real plugin. Its behaviour is small, fixed and observable; the constants live
in :mod:`shop_dummy_plugin.contract` so tests can import them instead of
repeating magic values.

Identity
    Distribution ``inkstone-plugin-dummy``, package ``shop_dummy_plugin``,
    label ``dummy``, ``testing_only = True`` (``SHOP_PLUGINS=all`` skips it;
    name it: ``SHOP_PLUGINS=dummy``). No ``depends_on``.

Data
    Model ``DummyNote`` (table ``dummy_dummynote``): ``text`` and ``created_at``.
    Switching the plugin off never touches these rows.

URLs
    * storefront ``/<lang>/p/dummy/hello/`` (name ``dummy:hello``) answers
      ``hello from dummy`` as ``text/plain``;
    * dashboard ``/<lang>/dashboard/p/dummy/`` (name ``dummy_dashboard:index``),
      staff only, lists the notes and shows the plugin's switch state.

Hooks (see :mod:`shop_dummy_plugin.hooks`)
    * ``shop_adjust_price`` – 10 % off when the product title contains
      ``DUMMY-DISCOUNT``, rounded half-up to the incoming price's decimal
      places; any other price is returned unchanged;
    * ``shop_shipping_methods`` – always offers one fixed-price method, code
      ``dummy-courier``, 7.00 in the basket's currency (tax-free);
    * ``shop_search_index_fields`` – ``{"dummy_discount": "yes" | "no"}``
      (``yes`` when the title contains ``DUMMY-DISCOUNT``);
    * ``shop_search_facets`` – one facet, ``{"name": "dummy_discount",
      "label": "Dummy discount", "field": "dummy_discount"}``;
    * ``shop_checkout_validate`` – one message when any basket line has a
      quantity of exactly 13, none otherwise;
    * ``shop_purchase_permitted`` – refuses exactly 77 of any product (in the
      basket forms and at checkout) with ``contract.PURCHASE_REFUSAL``;
    * ``shop_order_quantity`` – ``(6, 6)`` for products whose title contains
      ``DUMMY-PACK`` (the quantity box starts at 6), else no rule;
    * ``shop_order_quantities`` – the same for a list of products, as
      ``{pk: (6, 6)}`` for those whose title contains ``DUMMY-PACK``;
    * ``shop_prices_hidden`` – True for visitors who are not signed in while
      the Django setting ``DUMMY_HIDE_PRICES`` is True (default: never);
    * ``shop_dashboard_navigation`` – one entry, label ``Dummy plugin``,
      ``url_name`` ``dummy_dashboard:index``, for staff users only;
    * ``shop_cms_blocks`` – one block, ``("dummy_notice", DummyNoticeBlock())``,
      rendering ``<p class="dummy-notice">hello from dummy block</p>`` by default;
    * ``shop_report_providers`` – one provider, code ``dummy-notes``, whose
      ``generate(start, end)`` lists the notes created in ``[start, end)``.

Beat schedule (``DummyPluginConfig.beat_schedule``)
    * ``dummy:heartbeat`` – every hour, task ``shop_dummy_plugin.tasks.note_heartbeat``
      writes a note ``heartbeat``; nothing while the plugin is switched off.

Signals (see :mod:`shop_dummy_plugin.receivers`)
    * ``order_placed`` – records a note ``order placed: <number>`` (once per
      order: the receiver is idempotent);
    * ``order_status_changed`` – records ``order <number>: <old> -> <new>``.
"""

__version__ = "0.1.0"
