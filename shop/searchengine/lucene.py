"""A small, forgiving parser for the Lucene query syntax that haystack and Oscar produce.

Oscar narrows with strings such as ``price:([0 TO 20] OR [60 TO *])`` or ``product_class:("Pens")``,
query facets are ranges like ``[20 TO 40]``, and ``Raw`` inputs / ``narrow(SQ)`` carry fragments built
by ``ShopSearchQuery.build_query_fragment``. This parser turns them into query DSL via ``QueryBuilder``.

Supported: ``field:value``, ``field:"phrase"``, ``field:(a OR b)``, ranges ``[a TO b]`` / ``{a TO b}`` with
``*``, ``AND``/``OR``/``NOT``/``&&``/``||``/``!``/``+``/``-``, parentheses, ``*:*``, backslash escapes,
``term~`` (fuzzy) and ``^boost`` (ignored). Anything malformed falls back to a plain text search of the
words in it, so user-controlled input can never raise.
"""

from __future__ import annotations

from dataclasses import dataclass

from shop.searchengine.dsl import MATCH_ALL, Clause, QueryBuilder, all_of, any_of

MAX_LENGTH = 4000
MAX_DEPTH = 24
_SPECIAL = set('()[]{}":')
_WHITESPACE = set(" \t\r\n\u3000")


class ParseError(ValueError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str  # "(" ")" "[" "{" "]" "}" ":" "word" "phrase"
    text: str
    raw: str = ""


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _WHITESPACE:
            i += 1
        elif ch == '"':
            j, buf = i + 1, []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                buf.append(text[j])
                j += 1
            tokens.append(Token("phrase", "".join(buf)))
            i = j + 1
        elif ch in _SPECIAL:
            tokens.append(Token(ch, ch))
            i += 1
        else:
            j, buf, raw = i, [], []
            while j < n and text[j] not in _WHITESPACE and text[j] not in _SPECIAL:
                if text[j] == "\\" and j + 1 < n:
                    raw.append(text[j])
                    j += 1
                buf.append(text[j])
                raw.append(text[j])
                j += 1
            tokens.append(Token("word", "".join(buf), "".join(raw)))
            i = j
    return tokens


class _Parser:
    def __init__(self, tokens: list[Token], builder: QueryBuilder, default_field: str | None):
        self.tokens = tokens
        self.pos = 0
        self.builder = builder
        self.default_field = default_field
        self.depth = 0

    def peek(self, offset: int = 0) -> Token | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise ParseError("unexpected end of query")
        self.pos += 1
        return token

    def is_operator(self, *names: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "word" and token.raw in names

    def parse(self) -> Clause:
        clause = self.parse_or(None)
        if self.peek() is not None:
            raise ParseError(f"unexpected {self.peek().text!r}")
        return clause

    def parse_or(self, field: str | None) -> Clause:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError("query nested too deeply")
        alternatives = [self.parse_and(field)]
        while self.is_operator("OR", "||"):
            self.take()
            alternatives.append(self.parse_and(field))
        self.depth -= 1
        return any_of(alternatives) if len(alternatives) > 1 else alternatives[0]

    def parse_and(self, field: str | None) -> Clause:
        must: list[Clause] = []
        must_not: list[Clause] = []
        while True:
            token = self.peek()
            if token is None or token.kind == ")" or self.is_operator("OR", "||"):
                break
            if self.is_operator("AND", "&&"):
                self.take()
                continue
            negate = False
            while token is not None and token.kind == "word" and token.raw in ("NOT", "!", "-", "+"):
                self.take()
                negate = negate if token.raw == "+" else not negate
                token = self.peek()
            if token is None:
                raise ParseError("operator without operand")
            if token.kind == "word" and token.raw[:1] in ("-", "+") and len(token.raw) > 1:
                self.tokens[self.pos] = Token("word", token.text[1:], token.raw[1:])
                negate = not negate if token.raw[0] == "-" else negate
            clause = self.parse_primary(field)
            (must_not if negate else must).append(clause)
        if not must and not must_not:
            raise ParseError("empty expression")
        return all_of(must, must_not=must_not)

    def parse_primary(self, field: str | None) -> Clause:
        token = self.take()
        if token.kind == "(":
            inner = self.parse_or(field)
            if self.peek() is not None and self.peek().kind == ")":
                self.take()
            return inner
        if token.kind == "phrase":
            if field is None:
                return self.builder.phrase(self.default_field, token.text)
            return self.builder.exact(field, token.text)
        if token.kind in ("[", "{"):
            return self.parse_range(field, include_lower=token.kind == "[")
        if token.kind == "word":
            following = self.peek()
            if following is not None and following.kind == ":" and field is None:
                self.take()
                if token.text == "*" and self.peek() is not None and self.peek().text == "*":
                    self.take()
                    return MATCH_ALL
                return self.parse_primary(token.text)
            return self.word(field, token)
        raise ParseError(f"unexpected {token.text!r}")

    def parse_range(self, field: str | None, include_lower: bool) -> Clause:
        lower = self.bound()
        if not self.is_operator("TO"):
            raise ParseError("range without TO")
        self.take()
        upper = self.bound()
        closing = self.take()
        if closing.kind not in ("]", "}"):
            raise ParseError("unterminated range")
        return self.builder.range(
            field or self.default_field, lower, upper, include_lower=include_lower, include_upper=closing.kind == "]"
        )

    def bound(self) -> str | None:
        token = self.take()
        if token.kind not in ("word", "phrase"):
            raise ParseError("range bound expected")
        return None if token.kind == "word" and token.text == "*" else token.text

    def word(self, field: str | None, token: Token) -> Clause:
        text, raw = token.text, token.raw
        if "^" in raw and not raw.endswith("\\^"):
            text = text.rsplit("^", 1)[0]
            raw = raw.rsplit("^", 1)[0]
        if text == "*":
            return MATCH_ALL if field is None else self.builder.range(field)
        if raw.endswith("~") and len(text) > 1:
            return self.builder.fuzzy(field or self.default_field, text[:-1])
        return self.builder.text(field or self.default_field, text)


def parse(query: str, builder: QueryBuilder, default_field: str | None = None) -> Clause:
    """Query DSL for a Lucene-syntax string; malformed input becomes a plain word search."""
    if not isinstance(query, str):
        query = str(query)
    query = query[:MAX_LENGTH]
    if not query.strip():
        return MATCH_ALL
    try:
        return _Parser(tokenize(query), builder, default_field).parse()
    except (ParseError, RecursionError):
        return builder.text(default_field, query)


def parse_value(query: str, builder: QueryBuilder, field: str) -> Clause:
    """A value expression scoped to one field, as in query facets (``[0 TO 20]``)."""
    try:
        parser = _Parser(tokenize(query[:MAX_LENGTH]), builder, field)
        clause = parser.parse_or(field)
        if parser.peek() is not None:
            raise ParseError("trailing input")
        return clause
    except (ParseError, RecursionError):
        return builder.exact(field, query)
