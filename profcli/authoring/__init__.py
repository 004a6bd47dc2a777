"""Writing entries: templates, answers, drafts, changes, looking entries up, describing them, `prof init` files."""
