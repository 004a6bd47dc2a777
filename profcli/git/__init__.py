"""Git: recording what a command wrote, and `prof sync`."""
