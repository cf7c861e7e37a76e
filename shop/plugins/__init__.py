"""The plugin framework: discovery, allow-list, runtime switches, hooks and plugin signals."""
