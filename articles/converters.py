"""The path converters of Newsroom's addresses, registered on import."""

from django.urls import register_converter


class UnicodeSlugConverter:
    """Tag slugs keep their letters ('hållbarhet', 'yhteistyö'): taggit slugifies with
    Unicode allowed, which the built-in `slug` converter would refuse."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IdConverter:
    """A row id: at most 18 digits, so every id in an address fits the database's
    64-bit keys (a longer number is a 404, not an overflow in a query)."""

    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(UnicodeSlugConverter, "unicode_slug")
register_converter(IdConverter, "id")
