"""The plugin's business rules; views, hooks, tasks and template tags only call these."""
