"""The licences a photo may be used under, with the deed each Creative Commons one links to."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    """A photo's licence. The names of the Creative Commons licences are their own and
    are not translated; their deeds are linked from the credit line and JSON-LD."""

    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    OTHER = "other", _("Other (see the terms)")

    @property
    def url(self) -> str:
        """The licence's deed, for Creative Commons licences; empty for the others."""
        return _DEEDS.get(self, "")

    @property
    def is_open(self) -> bool:
        """Whether the licence is one of the Creative Commons ones (a deed to link)."""
        return self in _DEEDS


_DEEDS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}
