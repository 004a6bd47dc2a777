"""Git, hidden from the user: recording what a command wrote (`record`), and `prof sync`
(`sync`)."""
