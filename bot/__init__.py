"""The LINE front end: webhook, inbox worker, dialogs, outbox sender."""
