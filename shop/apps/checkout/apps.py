import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    name = "shop.apps.checkout"

    def ready(self) -> None:
        super().ready()
        from . import receivers  # noqa: F401
