"""Online link checking: the only code that touches the network (imported only with --check-links)."""
