"""The files of a team repository.

Finding them by the layout (`discovery`), reading and parsing one (`loading`, `tomlpos`, the
fast path in `accel`), checking it against its JSON Schema with Dutch messages (`schema`,
`schema_messages`), loading everything into the model (`loader.load` -> `model.Repository`),
writing atomically (`writing`), and the data the model rests on: the kinds of entry (`kinds`),
the frameworks and the registers' rules (`frameworks/`, `registers/`), a meeting's agreements.
"""
