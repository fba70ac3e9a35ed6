"""Office holders in an article: who is named, with which titles.

The pieces, one idea each:
- ``syllables``: the text as syllable tokens with the casing facts names depend on;
- ``lexicon``: ``models/titles.json`` + ``models/names.json`` compiled into phrase tables;
- ``places``: the administrative gazetteer (place names look like personal names);
- ``runs``: token-level recognisers (separators, abbreviations, capital runs, honorifics);
- ``evidence``: what the article says elsewhere about names and places;
- ``names``: what a personal name looks like, and where a run of capitals splits into
  place + name ("UBND huyện Mèo Vạc Thào Mí Páo");
- ``titles``: the title grammar (head + organisation phrase);
- ``meaning``: canonical title, organisation, level, province; when two titles are one office;
- ``zones``: body, headline and the tail of links after it;
- ``mentions``: person mentions anchored by titles or honorifics, with the titles they carry;
- ``roles``: what the person does at the event (chủ trì, dự, báo cáo …);
- ``people``: mentions merged into one ``Official`` per person, short references resolved.

``pipeline.components.officials`` runs them as the spaCy component ``vnm_officials``.
"""
