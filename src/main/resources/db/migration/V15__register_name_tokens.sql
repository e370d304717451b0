-- A third key of the holder's Chinese name, for the trigram index only (docs/register.md, "Partial names"): each
-- character written as three base-36 digits of its code point, with nothing between (NameKey.tokens). Every trigram
-- of it then names one character or the join of two neighbours, so an index lookup is as selective as a character
-- bigram; the hex name_key's trigrams ('gg5', 'g4e') were shared by thousands of characters. name_key stays, and is
-- still checked: it is what keeps a match aligned to whole characters. Rows written before this migration are filled
-- in by RegisterIndexes at start-up, before anything is served.
alter table register.licence add column name_tok varchar(1000);
