"""A stand-in LINE Platform: Messaging API, signed webhooks and a chat page, over HTTP only."""
