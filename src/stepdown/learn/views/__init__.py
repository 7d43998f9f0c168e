"""Pages of the Learn app: topic pages, the Support page and the coping tools."""
