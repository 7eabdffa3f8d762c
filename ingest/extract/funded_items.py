"""Grants stated one by one, with no project name: each is a funded item named by what the money is for.

Three layouts of the genre, each read with the `funded_items` table of the language:
- a clause per recipient: the recipient, a sum, a purpose phrase; several such clauses in one sentence,
  a purpose written once for two coordinated clauses (`grant_clauses`);
- a grant list under a header naming the currency: "name  amount" rows, total rows skipped (`grant_lists`,
  with the holder's cell of a row found by `row_holders`);
- a named project with its owner in apposition, then the sum it receives (`grant_clauses`).
A total over the grants listed one by one is never a grant of its own. The item and the shared words are in
`funded_item`. This module is the door the project extractor reads them through.
"""
from __future__ import annotations

from .funded_item import FundedItem, grant_word, holder_grant_name, page_grant_noun, row_sentences
from .grant_clauses import clause_items, owner_items
from .grant_lists import list_items, table_items

__all__ = ["FundedItem", "clause_items", "grant_word", "holder_grant_name", "list_items", "owner_items",
           "page_grant_noun", "row_sentences", "table_items"]
