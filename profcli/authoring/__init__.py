"""Writing entries for a person: what `prof add/edit/done/rm/list/show/drafts/init` need.

Templates and prompts' data (`templates/`), one answer checked as it is given (`answers`),
adding an entry after checking it in place (`adding`), drafts (`drafts`), changing an entry
with its comments kept (`changes`), entries by id (`entries`), an entry as Dutch text
(`describe`), the files of a new team repository (`scaffold/`).
"""
