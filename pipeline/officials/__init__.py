"""Office holders in an article: who is named, with which titles.

The pieces, one idea each:
- ``syllables``: the text as syllable tokens with the casing facts names depend on;
- ``lexicon``: ``models/titles.json`` + ``models/names.json`` compiled into phrase tables;
- ``places``: the administrative gazetteer (place names look like personal names);
- ``names``: what a personal name looks like, and where a run of capitals splits into
  place + name ("UBND huyện Mèo Vạc Thào Mí Páo");
- ``titles``: the title grammar (head + organisation phrase) and what a title means
  (canonical title, organisation, level, province);
- ``mentions``: person mentions anchored by titles or honorifics, with the titles they carry;
- ``people``: mentions merged into one ``Official`` per person, short references resolved.
"""
