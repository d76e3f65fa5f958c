"""Publishing binding packages to a package index, never overwriting one."""
