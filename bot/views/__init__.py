"""LINE message builders: text with quick replies, Flex cards. Plain JSON, no SDK."""
